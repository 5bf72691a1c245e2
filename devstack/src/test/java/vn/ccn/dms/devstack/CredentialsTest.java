package vn.ccn.dms.devstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CredentialsTest {

    @TempDir
    Path temp;

    @Test
    void generatedPasswordsMixCasesDigitsAndADash() {
        for (int i = 0; i < 200; i++) {
            String p = Credentials.generatePassword();
            assertTrue(p.matches("[A-Za-z2-9]{5}-[A-Za-z2-9]{5}-[A-Za-z2-9]{5}"), p);
            assertTrue(p.chars().anyMatch(Character::isUpperCase) && p.chars().anyMatch(Character::isLowerCase)
                    && p.chars().anyMatch(Character::isDigit), p);
        }
        assertNotEquals(Credentials.generatePassword(), Credentials.generatePassword());
    }

    @Test
    void passwordsAreGeneratedOnceAndKeptInAFileOnlyTheOwnerReads() throws Exception {
        Path file = temp.resolve("data/credentials.properties");

        Credentials first = Credentials.loadOrCreate(file);
        Credentials second = Credentials.loadOrCreate(file);

        assertEquals(first.demoPassword(), second.demoPassword());
        assertNotEquals(first.demoPassword(), first.adminPassword());
        if (System.getenv("DMS_BOOTSTRAP_ADMIN_PASSWORD") == null) {
            assertEquals(first.adminPassword(), second.adminPassword());
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(Files.readString(file).contains("demo.password=" + first.demoPassword()));
    }
}
