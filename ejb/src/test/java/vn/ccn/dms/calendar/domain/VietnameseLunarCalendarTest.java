package vn.ccn.dms.calendar.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.ccn.dms.calendar.domain.VietnameseLunarCalendar.LunarDate;

class VietnameseLunarCalendarTest {

    @ParameterizedTest(name = "Tết {0} = {1}")
    @CsvSource({
        "1985, 1985-01-21", // Vietnam (UTC+7); China (UTC+8) had 20 February
        "2007, 2007-02-17", // China: 18 February
        "2020, 2020-01-25",
        "2023, 2023-01-22",
        "2024, 2024-02-10",
        "2025, 2025-01-29",
        "2026, 2026-02-17",
        "2027, 2027-02-06",
        "2028, 2028-01-26",
        // The new moon falls at 16:07 UT on 2 February 2030: 23:07 in UTC+7 but 00:07 on 3 February in UTC+8, so
        // Vietnam's Tết is a day before China's (3 February) this year, like 1985 and 2007.
        "2030, 2030-02-02"})
    void lunarNewYear(int year, LocalDate expected) {
        assertEquals(expected, VietnameseLunarCalendar.newYear(year));
        assertEquals(LunarDate.of(year, 1, 1), VietnameseLunarCalendar.toLunar(expected));
    }

    @Test
    void newMoonAndSolarLongitudeMatchMeeusWorkedExamples() {
        // Meeus, Astronomical Algorithms, example 49.a: the new moon of February 1977, k = -283.
        assertEquals(2443192.65118, VietnameseLunarCalendar.newMoonJde(-283), 0.0005);
        // Example 25.a: 1992 October 13.0 TD, apparent longitude 199.90895° (low-accuracy method).
        assertEquals(199.90895, VietnameseLunarCalendar.apparentSolarLongitude(2448908.5), 0.002);
        // The new moon of 2 February 2030 at 16:07 UT, i.e. 23:07 in Vietnam: still 2 February there.
        double jde = VietnameseLunarCalendar.newMoonJde(372);
        double ut = jde - VietnameseLunarCalendar.deltaTSeconds(jde) / 86400.0;
        assertEquals(2462535.0 + 4.0 / 24 + 7.0 / 1440, ut, 2.0 / 1440);
    }

    @ParameterizedTest(name = "Hùng Kings {0} = {1}")
    @CsvSource({"2024, 2024-04-18", "2025, 2025-04-07", "2026, 2026-04-26", "2027, 2027-04-16"})
    void hungKingsCommemorationIsTheTenthOfTheThirdMonth(int year, LocalDate expected) {
        assertEquals(expected, VietnameseLunarCalendar.toSolar(LunarDate.of(year, 3, 10)));
    }

    @Test
    void lastDayOfTheYearBeforeTet() {
        // Giáp Thìn's twelfth month had 29 days: 28 January 2025 was "29 Tết"; Ất Tỵ's too (16 February 2026).
        assertEquals(new LunarDate(2024, 12, 29, false), VietnameseLunarCalendar.toLunar(LocalDate.of(2025, 1, 28)));
        assertEquals(new LunarDate(2025, 12, 29, false), VietnameseLunarCalendar.toLunar(LocalDate.of(2026, 2, 16)));
        assertEquals(new LunarDate(2024, 12, 26, false), VietnameseLunarCalendar.toLunar(LocalDate.of(2025, 1, 25)));
    }

    @Test
    void leapMonths() {
        assertEquals(6, VietnameseLunarCalendar.leapMonth(2025)); // Ất Tỵ: nhuận tháng 6
        assertEquals(2, VietnameseLunarCalendar.leapMonth(2023)); // Quý Mão: nhuận tháng 2
        assertEquals(4, VietnameseLunarCalendar.leapMonth(2020)); // Canh Tý: nhuận tháng 4
        assertEquals(0, VietnameseLunarCalendar.leapMonth(2024));
        assertEquals(0, VietnameseLunarCalendar.leapMonth(2026));
        assertEquals(new LunarDate(2025, 6, 1, true), VietnameseLunarCalendar.toLunar(LocalDate.of(2025, 7, 25)));
        assertEquals(new LunarDate(2025, 6, 1, false), VietnameseLunarCalendar.toLunar(LocalDate.of(2025, 6, 25)));
        assertEquals(LocalDate.of(2025, 7, 25), VietnameseLunarCalendar.toSolar(new LunarDate(2025, 6, 1, true)));
    }

    @Test
    void otherKnownDates() {
        // Mid-autumn (15/8) 2025 and 2024; 23 tháng Chạp (Ông Công Ông Táo) 2025.
        assertEquals(LocalDate.of(2025, 10, 6), VietnameseLunarCalendar.toSolar(LunarDate.of(2025, 8, 15)));
        assertEquals(LocalDate.of(2024, 9, 17), VietnameseLunarCalendar.toSolar(LunarDate.of(2024, 8, 15)));
        assertEquals(LocalDate.of(2026, 2, 10), VietnameseLunarCalendar.toSolar(LunarDate.of(2025, 12, 23)));
    }

    @Test
    void roundTripsEveryDayOfTwoDecades() {
        LocalDate day = LocalDate.of(2015, 1, 1);
        LunarDate previous = VietnameseLunarCalendar.toLunar(day.minusDays(1));
        for (; day.isBefore(LocalDate.of(2036, 1, 1)); day = day.plusDays(1)) {
            LunarDate lunar = VietnameseLunarCalendar.toLunar(day);
            assertEquals(day, VietnameseLunarCalendar.toSolar(lunar), lunar.toString());
            // Days advance by one, or a new month starts after day 29 or 30.
            if (lunar.day() != previous.day() + 1) {
                assertEquals(1, lunar.day(), "after " + previous);
                assertEquals(true, previous.day() == 29 || previous.day() == 30, "month length " + previous);
            }
            previous = lunar;
        }
    }

    @Test
    void tetAlwaysFallsBetween21JanuaryAnd20February() {
        // A sanity check over the whole range: month 11 holds the solstice, so month 1 begins two or three
        // lunations after a day between 22 November and 22 December.
        for (int year = VietnameseLunarCalendar.FIRST_YEAR; year <= 2150; year++) {
            LocalDate tet = VietnameseLunarCalendar.newYear(year);
            assertTrue(!tet.isBefore(LocalDate.of(year, 1, 21)) && !tet.isAfter(LocalDate.of(year, 2, 20)), tet.toString());
        }
    }

    @Test
    void yearNames() {
        assertEquals("Giáp Thìn", VietnameseLunarCalendar.yearNameVi(2024));
        assertEquals("Ất Tỵ", VietnameseLunarCalendar.yearNameVi(2025));
        assertEquals("Bính Ngọ", VietnameseLunarCalendar.yearNameVi(2026));
        assertEquals("Đinh Mùi", VietnameseLunarCalendar.yearNameVi(2027));
        assertEquals("10/3 Bính Ngọ", LunarDate.of(2026, 3, 10).textVi());
    }

    @Test
    void refusesImpossibleDates() {
        assertThrows(IllegalArgumentException.class, () -> VietnameseLunarCalendar.toSolar(new LunarDate(2026, 6, 1, true)));
        assertThrows(IllegalArgumentException.class, () -> LunarDate.of(2026, 13, 1));
        assertThrows(IllegalArgumentException.class, () -> VietnameseLunarCalendar.toLunar(LocalDate.of(1900, 1, 1)));
    }
}
