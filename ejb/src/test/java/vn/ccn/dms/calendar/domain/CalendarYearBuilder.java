package vn.ccn.dms.calendar.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Test data: calendar years as an administrator would enter them. */
final class CalendarYearBuilder {

    private final int year;
    private YearStatus status = YearStatus.CONFIRMED;
    private WeekendRule weekend = WeekendRule.SATURDAY_SUNDAY;
    private final List<CalendarDay> days = new ArrayList<>();

    private CalendarYearBuilder(int year) {
        this.year = year;
    }

    static CalendarYearBuilder aYear(int year) {
        return new CalendarYearBuilder(year);
    }

    CalendarYearBuilder proposed() {
        status = YearStatus.PROPOSED;
        return this;
    }

    CalendarYearBuilder weekend(WeekendRule rule) {
        weekend = rule;
        return this;
    }

    CalendarYearBuilder holiday(String date, String name) {
        return day(date, DayKind.HOLIDAY, name);
    }

    CalendarYearBuilder holidays(String from, String to, String name) {
        for (LocalDate d = LocalDate.parse(from); !d.isAfter(LocalDate.parse(to)); d = d.plusDays(1)) {
            days.add(new CalendarDay(d, DayKind.HOLIDAY, name, "test"));
        }
        return this;
    }

    CalendarYearBuilder dayOff(String date, String name) {
        return day(date, DayKind.EXTRA_DAY_OFF, name);
    }

    CalendarYearBuilder workingSwap(String date, String name) {
        return day(date, DayKind.WORKING_SWAP, name);
    }

    private CalendarYearBuilder day(String date, DayKind kind, String name) {
        days.add(new CalendarDay(LocalDate.parse(date), kind, name, "test"));
        return this;
    }

    CalendarYear build() {
        return new CalendarYear(year, status, weekend, days, null);
    }

    /** 2025 as the Prime Minister set it for civil servants (Official Letter 8726/VPCP-KGVX of 26/11/2024). */
    static CalendarYear official2025() {
        return aYear(2025)
                .holiday("2025-01-01", "Tết Dương lịch")
                .holidays("2025-01-27", "2025-01-31", "Tết Nguyên đán")
                .holiday("2025-04-07", "Giỗ Tổ Hùng Vương")
                .workingSwap("2025-04-26", "Làm bù cho thứ Sáu 2/5")
                .holiday("2025-04-30", "Ngày Chiến thắng")
                .holiday("2025-05-01", "Ngày Quốc tế lao động")
                .dayOff("2025-05-02", "Nghỉ hoán đổi, làm bù thứ Bảy 26/4")
                .holiday("2025-09-01", "Quốc khánh")
                .holiday("2025-09-02", "Quốc khánh")
                .build();
    }

    /** 2026 with the days of Notice 9441/TB-BNV and Letter 12729/VPCP-KGVX, treated as confirmed here. */
    static CalendarYear official2026() {
        return aYear(2026)
                .holiday("2026-01-01", "Tết Dương lịch")
                .dayOff("2026-01-02", "Nghỉ hoán đổi, làm bù thứ Bảy 10/1")
                .workingSwap("2026-01-10", "Làm bù cho thứ Sáu 2/1")
                .holidays("2026-02-16", "2026-02-20", "Tết Nguyên đán")
                .holiday("2026-04-26", "Giỗ Tổ Hùng Vương")
                .dayOff("2026-04-27", "Nghỉ bù Giỗ Tổ Hùng Vương")
                .holiday("2026-04-30", "Ngày Chiến thắng")
                .holiday("2026-05-01", "Ngày Quốc tế lao động")
                .holiday("2026-09-01", "Quốc khánh")
                .holiday("2026-09-02", "Quốc khánh")
                .build();
    }
}
