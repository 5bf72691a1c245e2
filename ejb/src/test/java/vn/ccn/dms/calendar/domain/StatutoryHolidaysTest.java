package vn.ccn.dms.calendar.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class StatutoryHolidaysTest {

    private static Map<LocalDate, DayKind> kinds(CalendarYear year) {
        return year.days().stream().collect(Collectors.toMap(CalendarDay::date, CalendarDay::kind, (a, b) -> a, TreeMap::new));
    }

    private static Map<LocalDate, DayKind> expected(Object... dateKindPairs) {
        Map<LocalDate, DayKind> m = new TreeMap<>();
        for (int i = 0; i < dateKindPairs.length; i += 2) {
            m.put(LocalDate.parse((String) dateKindPairs[i]), (DayKind) dateKindPairs[i + 1]);
        }
        return m;
    }

    @Test
    void year2026MatchesTheOfficialTetDaysAndCompensatesHungKingsOnSunday() {
        CalendarYear y = StatutoryHolidays.propose(2026);
        assertEquals(YearStatus.PROPOSED, y.status());
        assertEquals(expected(
                "2026-01-01", DayKind.HOLIDAY,
                "2026-02-16", DayKind.HOLIDAY, "2026-02-17", DayKind.HOLIDAY, "2026-02-18", DayKind.HOLIDAY,
                "2026-02-19", DayKind.HOLIDAY, "2026-02-20", DayKind.HOLIDAY,
                "2026-04-26", DayKind.HOLIDAY, "2026-04-27", DayKind.EXTRA_DAY_OFF,
                "2026-04-30", DayKind.HOLIDAY, "2026-05-01", DayKind.HOLIDAY,
                "2026-09-01", DayKind.HOLIDAY, "2026-09-02", DayKind.HOLIDAY), kinds(y));
        assertEquals("Tết Nguyên đán (29 tháng Chạp năm Ất Tỵ)", y.entry(LocalDate.of(2026, 2, 16)).orElseThrow().nameVi());
        assertEquals("Nghỉ bù do Giỗ Tổ Hùng Vương (10 tháng 3 âm lịch) trùng Chủ nhật 26/4",
                y.entry(LocalDate.of(2026, 4, 27)).orElseThrow().nameVi());
        assertEquals(StatutoryHolidays.COMPENSATORY, y.entry(LocalDate.of(2026, 4, 27)).orElseThrow().legalBasis());
    }

    @Test
    void year2025TetOnSaturdayIsCompensatedAfterTheTetDays() {
        // The default (eve + four days) puts 1 February 2025, a Saturday, in Tết: compensated on Monday 3 February.
        // The Prime Minister chose 27-31 January instead; the proposal is only the law's default.
        Map<LocalDate, DayKind> k = kinds(StatutoryHolidays.propose(2025));
        assertEquals(DayKind.HOLIDAY, k.get(LocalDate.of(2025, 1, 28)));
        assertEquals(DayKind.HOLIDAY, k.get(LocalDate.of(2025, 2, 1)));
        assertEquals(DayKind.EXTRA_DAY_OFF, k.get(LocalDate.of(2025, 2, 3)));
        assertEquals(DayKind.HOLIDAY, k.get(LocalDate.of(2025, 4, 7)));
        assertEquals(DayKind.HOLIDAY, k.get(LocalDate.of(2025, 9, 1)));
        assertEquals(12, k.size());
    }

    @Test
    void year2027TwoTetDaysOnTheWeekendAndMayDayOnSaturday() {
        assertEquals(expected(
                "2027-01-01", DayKind.HOLIDAY,
                "2027-02-05", DayKind.HOLIDAY, "2027-02-06", DayKind.HOLIDAY, "2027-02-07", DayKind.HOLIDAY,
                "2027-02-08", DayKind.HOLIDAY, "2027-02-09", DayKind.HOLIDAY,
                "2027-02-10", DayKind.EXTRA_DAY_OFF, "2027-02-11", DayKind.EXTRA_DAY_OFF,
                "2027-04-16", DayKind.HOLIDAY,
                "2027-04-30", DayKind.HOLIDAY, "2027-05-01", DayKind.HOLIDAY, "2027-05-03", DayKind.EXTRA_DAY_OFF,
                "2027-09-02", DayKind.HOLIDAY, "2027-09-03", DayKind.HOLIDAY), kinds(StatutoryHolidays.propose(2027)));
    }

    @Test
    void newYearOnSaturdayGivesMonday() {
        Map<LocalDate, DayKind> k = kinds(StatutoryHolidays.propose(2028));
        assertEquals(DayKind.EXTRA_DAY_OFF, k.get(LocalDate.of(2028, 1, 3)));
    }

    @Test
    void dayNextToNationalDayAsTheNoticesChoseIt() {
        WeekendRule w = WeekendRule.SATURDAY_SUNDAY;
        // 2021 Thu -> Fri 3/9; 2022 Fri -> Thu 1/9; 2023 Sat -> Fri 1/9; 2024 Mon -> Tue 3/9; 2025 Tue -> Mon 1/9.
        assertEquals(LocalDate.of(2021, 9, 3), StatutoryHolidays.adjacentNationalDay(LocalDate.of(2021, 9, 2), w));
        assertEquals(LocalDate.of(2022, 9, 1), StatutoryHolidays.adjacentNationalDay(LocalDate.of(2022, 9, 2), w));
        assertEquals(LocalDate.of(2023, 9, 1), StatutoryHolidays.adjacentNationalDay(LocalDate.of(2023, 9, 2), w));
        assertEquals(LocalDate.of(2024, 9, 3), StatutoryHolidays.adjacentNationalDay(LocalDate.of(2024, 9, 2), w));
        assertEquals(LocalDate.of(2025, 9, 1), StatutoryHolidays.adjacentNationalDay(LocalDate.of(2025, 9, 2), w));
        // 2023: 2/9 on Saturday is compensated on Monday 4/9, as in that year's notice.
        assertEquals(DayKind.EXTRA_DAY_OFF, kinds(StatutoryHolidays.propose(2023)).get(LocalDate.of(2023, 9, 4)));
    }

    @Test
    void weekendRuleIsData() {
        WeekendRule sundayOnly = new WeekendRule(EnumSet.of(DayOfWeek.SUNDAY));
        CalendarYear y = StatutoryHolidays.propose(2027, sundayOnly);
        // 6 February 2027 (Saturday, mùng 1) is then a working day: only the Sunday is compensated.
        List<LocalDate> compensations = y.days().stream().filter(d -> d.kind() == DayKind.EXTRA_DAY_OFF)
                .map(CalendarDay::date).toList();
        assertEquals(List.of(LocalDate.of(2027, 2, 10)), compensations);
        assertEquals("SUNDAY", y.weekend().text());
        assertEquals(WeekendRule.SATURDAY_SUNDAY, WeekendRule.parse("sunday, SATURDAY"));
    }

    @Test
    void everyProposalHasElevenHolidaysAndCitesTheLaw() {
        for (int year = 2024; year <= 2040; year++) {
            CalendarYear y = StatutoryHolidays.propose(year);
            assertEquals(11, y.days().stream().filter(d -> d.kind() == DayKind.HOLIDAY).count(), "year " + year);
            assertTrue(y.days().stream().allMatch(d -> d.legalBasis().startsWith("Bộ luật Lao động 2019")), "year " + year);
            // No compensatory day falls on a weekend or on a holiday.
            y.days().stream().filter(d -> d.kind() == DayKind.EXTRA_DAY_OFF)
                    .forEach(d -> assertTrue(!WeekendRule.SATURDAY_SUNDAY.isRestDay(d.date()), d.toString()));
        }
    }
}
