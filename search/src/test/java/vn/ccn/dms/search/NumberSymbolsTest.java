package vn.ccn.dms.search;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NumberSymbolsTest {

    @Test
    void normalizingRemovesEveryWhitespace() {
        assertEquals("09/2025/QĐ-UBND", NumberSymbols.normalize(" 09 / 2025 /\tQĐ - UBND "));
        assertNull(NumberSymbols.normalize(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"09/2025/QĐ-UBND", " 09 / 2025 / qđ-ubnd ", "123/UBND-KT", "45/BC-SCT", "32/2024/NĐ-CP", "1.2-3"})
    void recognisesNumberSymbols(String text) {
        assertTrue(NumberSymbols.looksLikeNumberSymbol(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"quyết định thành lập", "QĐ-UBND", "2025", "đề án", "", "a/b", "09/2025 quyết định"})
    void leavesOtherTextToFullTextSearch(String text) {
        assertFalse(NumberSymbols.looksLikeNumberSymbol(text));
    }

    @Test
    void findsNumberSymbolsInsideFreeText() {
        assertEquals(java.util.List.of("09/2025/QĐ-UBND", "32/2024/NĐ-CP"),
                NumberSymbols.findIn("thực hiện quyết định 09 / 2025 / QĐ-UBND và Nghị định 32/2024/NĐ-CP, 09/2025/QĐ-UBND"));
        assertEquals(java.util.List.of(), NumberSymbols.findIn("cụm công nghiệp QĐ-UBND năm 2025"));
    }
}
