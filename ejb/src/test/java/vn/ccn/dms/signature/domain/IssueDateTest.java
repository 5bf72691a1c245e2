package vn.ccn.dms.signature.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IssueDateTest {

    @Test
    void daysBelowTenAndJanuaryAndFebruaryTakeALeadingZero() {
        assertEquals("Lạng Sơn, ngày 05 tháng 01 năm 2026", IssueDate.format("Lạng Sơn", LocalDate.of(2026, 1, 5)));
        assertEquals("Lạng Sơn, ngày 28 tháng 02 năm 2026", IssueDate.format("Lạng Sơn", LocalDate.of(2026, 2, 28)));
        assertEquals("Lạng Sơn, ngày 01 tháng 3 năm 2025", IssueDate.format(" Lạng Sơn ", LocalDate.of(2025, 3, 1)));
        assertEquals("Hữu Lũng, ngày 31 tháng 12 năm 2025", IssueDate.format("Hữu Lũng", LocalDate.of(2025, 12, 31)));
    }
}
