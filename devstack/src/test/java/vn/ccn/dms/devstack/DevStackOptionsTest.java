package vn.ccn.dms.devstack;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DevStackOptionsTest {

    @Test
    void parsesTheArgumentsThatTheRunProfilePasses() {
        DevStack.Options o = DevStack.Options.parse(new String[] {"--action=stop", "--ear=/x/ccn-dms.ear",
                "--payara-home=/x/run/payara6", "--data=/x/run/data"});
        assertEquals("stop", o.action());
        assertEquals(Path.of("/x/ccn-dms.ear"), o.ear());
        assertEquals(Path.of("/x/run/payara6"), o.payaraHome());
        assertEquals(Path.of("/x/run/data"), o.data());
    }

    @Test
    void runIsTheDefaultActionAndUnknownActionsAreRefused() {
        String[] paths = {"--ear=a.ear", "--payara-home=p", "--data=d"};
        assertEquals("run", DevStack.Options.parse(paths).action());
        assertTrue(DevStack.Options.parse(paths).data().isAbsolute());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DevStack.Options.parse(
                new String[] {"--action=restart", "--ear=a", "--payara-home=p", "--data=d"}));
        assertTrue(e.getMessage().contains("run or stop"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DevStack.Options.parse(new String[] {"--ear=a"}));
    }
}
