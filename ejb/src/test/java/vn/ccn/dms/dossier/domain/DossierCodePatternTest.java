package vn.ccn.dms.dossier.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DossierCodePatternTest {

    @Test
    void joinsTheAgencyIdentifierTheReceiptDateAndTheDailySequence() {
        DossierCodePattern p = new DossierCodePattern("{agency}-{yyMMdd}-{seq:4}");
        assertEquals("000.00.12.H37-260601-0007", p.format("000.00.12.H37", LocalDate.of(2026, 6, 1), 7));
        assertEquals("000.00.12.H37-261231-12345", p.format("000.00.12.H37", LocalDate.of(2026, 12, 31), 12345),
                "a sequence wider than the padding is never cut");
    }

    @Test
    void otherPatternsAreConfiguration() {
        DossierCodePattern p = new DossierCodePattern("H37.{yyyy}.{MM}{dd}.{seq:3}");
        assertEquals("H37.2027.0206.001", p.format("ignored", LocalDate.of(2027, 2, 6), 1));
    }

    @Test
    void badPatternsFailAtStartNotAtTheDesk() {
        assertThrows(IllegalArgumentException.class, () -> new DossierCodePattern("{agency}-{yyMMdd}"));
        assertThrows(IllegalArgumentException.class, () -> new DossierCodePattern("{agency}-{unknown}-{seq:4}"));
    }

    @Test
    void onlyPlausibleCodesAreLookedUp() {
        assertTrue(DossierCodePattern.plausible("000.00.12.H37-260601-0007"));
        assertFalse(DossierCodePattern.plausible(null));
        assertFalse(DossierCodePattern.plausible(""));
        assertFalse(DossierCodePattern.plausible("x' or '1'='1"));
        assertFalse(DossierCodePattern.plausible("../../etc/passwd"));
        assertFalse(DossierCodePattern.plausible("A".repeat(49)));
        assertFalse(DossierCodePattern.plausible("000.00.12.H37-260601-0007\u0000"));
    }
}
