package vn.ccn.dms.directory.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.ccn.dms.directory.domain.ApplicationRole;

class AuthenticatedCallerTest {

    private static AuthenticatedCaller.Entry entry(String username) {
        return new AuthenticatedCaller.Entry(7, username, "Người thử", "Văn thư", 3, EnumSet.of(ApplicationRole.CLERK));
    }

    @Test
    void givesTheEntryOnlyForTheUserItWasReadFor() {
        AuthenticatedCaller caller = new AuthenticatedCaller();
        assertTrue(caller.entryFor("clerk.sct").isEmpty(), "nothing authenticated yet");
        caller.authenticated(entry("clerk.sct"));
        assertEquals(7, caller.entryFor("clerk.sct").orElseThrow().userId());
        assertTrue(caller.entryFor("clerk.stc").isEmpty(), "another principal must read the directory itself");
    }

    @Test
    void theEntrysRolesCannotBeChangedAfterwards() {
        EnumSet<ApplicationRole> roles = EnumSet.of(ApplicationRole.CLERK);
        AuthenticatedCaller.Entry e = new AuthenticatedCaller.Entry(7, "clerk.sct", "Người thử", null, 3, roles);
        roles.add(ApplicationRole.ADMIN);
        assertEquals(Set.of(ApplicationRole.CLERK), e.roles());
        assertThrows(UnsupportedOperationException.class, () -> e.roles().add(ApplicationRole.ADMIN));
    }
}
