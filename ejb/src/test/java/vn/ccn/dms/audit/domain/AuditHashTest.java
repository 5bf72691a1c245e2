package vn.ccn.dms.audit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditHashTest {

    private static AuditEntry entry(String prev, String actor, String detail) {
        return new AuditEntry("document:1", 1, Instant.parse("2026-01-02T03:04:05.123456Z"), actor, "000.00.12.H37",
                "VIEW", "document", "1", detail, "127.0.0.1", prev);
    }

    @Test
    void sameFieldsSameHash() {
        assertEquals(entry(AuditHash.GENESIS, "a", "{}").hash(), entry(AuditHash.GENESIS, "a", "{}").hash());
        assertEquals(64, entry(AuditHash.GENESIS, "a", "{}").hash().length());
    }

    @Test
    void everyFieldAndThePreviousHashCount() {
        String base = entry(AuditHash.GENESIS, "a", "{}").hash();
        assertNotEquals(base, entry(AuditHash.GENESIS, "b", "{}").hash());
        assertNotEquals(base, entry(AuditHash.GENESIS, "a", "{ }").hash());
        assertNotEquals(base, entry("1".repeat(64), "a", "{}").hash());
    }

    @Test
    void fieldBoundariesCannotBeShifted() {
        // "ab" + "c" and "a" + "bc" must not collide: fields are length-prefixed.
        String one = AuditHash.compute(AuditHash.GENESIS, "k", 1, 0, "ab", "c");
        String two = AuditHash.compute(AuditHash.GENESIS, "k", 1, 0, "a", "bc");
        assertNotEquals(one, two);
        assertNotEquals(AuditHash.compute(AuditHash.GENESIS, "k", 1, 0, (String) null),
                AuditHash.compute(AuditHash.GENESIS, "k", 1, 0, ""));
    }

    @Test
    void microsecondsAreHashedSoThatTheDatabaseRoundTripAgrees() {
        AuditEntry micros = new AuditEntry("c", 1, Instant.parse("2026-01-02T03:04:05.123456Z"), "a", null, "X", "t",
                "1", null, null, AuditHash.GENESIS);
        AuditEntry millis = new AuditEntry("c", 1, Instant.parse("2026-01-02T03:04:05.123Z"), "a", null, "X", "t",
                "1", null, null, AuditHash.GENESIS);
        assertNotEquals(micros.hash(), millis.hash());
    }
}
