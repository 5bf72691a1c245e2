package vn.ccn.dms.document.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"Tờ trình số 12.pdf", "QĐ 09-2025 (bản scan).PDF", "a.docx", ".hidden"})
    void acceptsOrdinaryNames(String name) {
        assertTrue(FileNames.problem(name).isEmpty(), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "../etc/passwd", "a/b.pdf", "C:\\x.pdf", "a\u0000b", "tab\tname.pdf", "line\nbreak",
            ".", "..", "a\u2028b"})
    void refusesSeparatorsControlsAndReservedNames(String name) {
        assertTrue(FileNames.problem(name).isPresent(), name);
    }

    @Test
    void refusesOverlongNamesAndNormalizesToNfc() {
        assertTrue(FileNames.problem("x".repeat(256)).isPresent());
        String decomposed = "To\u0302\u0300 tri\u0300nh.pdf"; // "Tồ trình" typed with combining marks
        assertEquals("Tồ trình.pdf", FileNames.normalize(decomposed));
    }
}
