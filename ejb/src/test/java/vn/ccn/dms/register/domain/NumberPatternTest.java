package vn.ccn.dms.register.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NumberPatternTest {

    @Test
    void writesTheThreeFormsOfDecree30() {
        assertEquals("09/2025/QĐ-UBND", new NumberPattern("{number}/{year}/{type}-{agency}")
                .format(new NumberPattern.Values(9, 2025, "QĐ", "UBND", null)));
        assertEquals("89/TTr-SCT", new NumberPattern("{number}/{type}-{agency}")
                .format(new NumberPattern.Values(89, 2024, "TTr", "SCT", null)));
        assertEquals("05/SCT-QLCN", new NumberPattern("{number}/{agency}-{unit}")
                .format(new NumberPattern.Values(5, 2025, "CV", "SCT", "QLCN")));
    }

    @Test
    void leadingZeroOnlyBelowTen() {
        NumberPattern p = new NumberPattern("{number}/{type}-{agency}");
        assertEquals("01/TB-SCT", p.format(new NumberPattern.Values(1, 2026, "TB", "SCT", null)));
        assertEquals("10/TB-SCT", p.format(new NumberPattern.Values(10, 2026, "TB", "SCT", null)));
        assertEquals("1234/TB-SCT", p.format(new NumberPattern.Values(1234, 2026, "TB", "SCT", null)));
    }

    @Test
    void symbolIsWhatFollowsTheLastSlash() {
        assertEquals("QĐ-UBND", new NumberPattern("{number}/{year}/{type}-{agency}")
                .symbol(new NumberPattern.Values(9, 2025, "QĐ", "UBND", null)));
    }

    @Test
    void refusesPatternsWithoutNumberOrWithUnknownTokens() {
        assertThrows(IllegalArgumentException.class, () -> new NumberPattern("{type}-{agency}"));
        assertThrows(IllegalArgumentException.class, () -> new NumberPattern("{number}/{month}"));
    }

    @Test
    void refusesMissingUnitAndNumbersBelowOne() {
        NumberPattern p = new NumberPattern("{number}/{agency}-{unit}");
        assertThrows(IllegalArgumentException.class, () -> p.format(new NumberPattern.Values(1, 2025, "CV", "SCT", " ")));
        assertThrows(IllegalArgumentException.class, () -> p.format(new NumberPattern.Values(0, 2025, "CV", "SCT", "X")));
    }
}
