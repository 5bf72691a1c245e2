package vn.ccn.dms.document.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class NumberSymbolsTest {

    @Test
    void spacingCaseAndLeadingZerosDoNotMatter() {
        assertEquals(NumberSymbols.normalize("09/2025/QĐ-UBND"), NumberSymbols.normalize(" 9 / 2025 / qđ-ubnd "));
    }

    @Test
    void dStrokeIsNotD() {
        assertNotEquals(NumberSymbols.normalize("09/QĐ-UBND"), NumberSymbols.normalize("09/QD-UBND"));
    }

    @Test
    void issuersCompareWithoutCaseOrExtraSpaces() {
        assertEquals(NumberSymbols.normalizeIssuer("Sở Xây dựng  tỉnh Lạng Sơn"),
                NumberSymbols.normalizeIssuer(" sở xây dựng tỉnh lạng sơn"));
    }
}
