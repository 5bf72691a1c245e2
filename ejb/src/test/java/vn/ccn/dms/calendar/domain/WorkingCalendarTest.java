package vn.ccn.dms.calendar.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.ccn.dms.calendar.domain.CalendarYearBuilder.aYear;
import static vn.ccn.dms.calendar.domain.CalendarYearBuilder.official2025;
import static vn.ccn.dms.calendar.domain.CalendarYearBuilder.official2026;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

    private static final String MISSING_2028 = "Lịch nghỉ lễ năm 2028 chưa được quản trị viên xác nhận; hạn được tính"
            + " theo lịch dự kiến (chỉ nghỉ cuối tuần và các ngày lễ tính theo luật)";

    /** 2025 and 2026 confirmed; 2027 proposed from the rules; 2028 and later not stored. */
    private final WorkingCalendar calendar = WorkingCalendar.of(List.of(official2025(), official2026(),
            StatutoryHolidays.propose(2027)));

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Nested
    class WorkingDays {

        @Test
        void weekendsHolidaysDaysOffAndSwaps() {
            assertTrue(calendar.isWorkingDay(d("2026-02-13")), "Friday before Tết");
            assertFalse(calendar.isWorkingDay(d("2026-02-14")), "Saturday");
            assertFalse(calendar.isWorkingDay(d("2026-02-17")), "mùng 1 Tết");
            assertFalse(calendar.isWorkingDay(d("2026-01-02")), "Friday given off, swapped");
            assertTrue(calendar.isWorkingDay(d("2026-01-10")), "Saturday worked (làm bù)");
            assertTrue(calendar.isWorkingDay(d("2025-04-26")), "Saturday worked (làm bù)");
            assertFalse(calendar.isWorkingDay(d("2025-05-02")), "Friday given off");
            assertFalse(calendar.isWorkingDay(d("2026-04-27")), "compensatory Monday");
        }

        @Test
        void acrossTet2025() {
            // From Friday 24 January 2025: 25/1-2/2 off (weekend, Tết 27-31/1, weekend); five working days end 7/2.
            assertEquals(d("2025-02-07"), calendar.dueDate(d("2025-01-24"), TimeLimit.workingDays(5)));
            assertEquals(d("2025-02-03"), calendar.dueDate(d("2025-01-24"), TimeLimit.workingDays(1)));
            assertEquals(5, calendar.workingDaysBetween(d("2025-01-24"), d("2025-02-07")));
        }

        @Test
        void acrossTet2026() {
            // 11, 12, 13 February; 14-22 off; 23, 24 February.
            assertEquals(d("2026-02-24"), calendar.dueDate(d("2026-02-10"), TimeLimit.workingDays(5)));
            assertEquals(d("2026-03-03"), calendar.dueDate(d("2026-02-13"), TimeLimit.workingDays(7)));
        }

        @Test
        void acrossTheYearEnd2025To2026WithTheSwappedSaturday() {
            // 30, 31 December; 1 January holiday, 2 January off, 3-4 weekend; 5, 6, 7 January.
            assertEquals(d("2026-01-07"), calendar.dueDate(d("2025-12-29"), TimeLimit.workingDays(5)));
            // Saturday 10 January 2026 is worked: Friday 9 then Saturday 10.
            assertEquals(d("2026-01-10"), calendar.dueDate(d("2026-01-08"), TimeLimit.workingDays(2)));
            assertEquals(d("2026-01-12"), calendar.dueDate(d("2026-01-08"), TimeLimit.workingDays(3)));
            assertTrue(calendar.warningsFor(d("2025-12-29"), d("2026-01-07")).isEmpty());
        }

        @Test
        void acrossTheYearEnd2026To2027WarnsAboutTheProposedYear() {
            // 30, 31 December; 1 January 2027 (Friday) holiday; weekend; 4, 5, 6 January.
            WorkingCalendar.Deadline deadline = calendar.deadline(d("2026-12-29"), TimeLimit.workingDays(5), List.of());
            assertEquals(Optional.of(d("2027-01-06")), deadline.due());
            assertEquals(List.of("Lịch nghỉ lễ năm 2027 chưa được quản trị viên xác nhận; hạn được tính theo lịch đề xuất,"
                    + " chưa đối chiếu với thông báo chính thức về nghỉ lễ, Tết năm 2027"), deadline.warnings());
        }

        @Test
        void compensatoryDayAfterHungKingsOnSunday2026() {
            // Friday 24 April 2026: weekend, Monday 27 off in compensation; the next working day is Tuesday 28.
            assertEquals(d("2026-04-28"), calendar.dueDate(d("2026-04-24"), TimeLimit.workingDays(1)));
            // Then 29 April, and 30 April - 3 May off: the third working day is Monday 4 May.
            assertEquals(d("2026-05-04"), calendar.dueDate(d("2026-04-24"), TimeLimit.workingDays(3)));
        }

        @Test
        void betweenCountsStrictlyAfterFromUpToTo() {
            // January 2026: 22 weekdays, minus 1 and 2 January, plus Saturday 10 January.
            assertEquals(21, calendar.workingDaysBetween(d("2025-12-31"), d("2026-01-31")));
            assertEquals(0, calendar.workingDaysBetween(d("2026-01-31"), d("2025-12-31")));
            assertEquals(0, calendar.workingDaysBetween(d("2026-01-05"), d("2026-01-05")));
            assertEquals(1, calendar.workingDaysBetween(d("2026-01-05"), d("2026-01-06")));
        }
    }

    @Nested
    class CalendarDays {

        @Test
        void limitEndingOnTetMovesToTheNextWorkingDay() {
            // 6 February 2026 + 10 days = Monday 16 February, the first Tết day; 16-22 are off: Monday 23.
            assertEquals(d("2026-02-23"), calendar.dueDate(d("2026-02-06"), TimeLimit.days(10)));
            // Ending on an ordinary Saturday: the Monday after.
            assertEquals(d("2026-03-09"), calendar.dueDate(d("2026-03-04"), TimeLimit.days(3)));
        }

        @Test
        void limitEndingOnAWorkedSaturdayEndsThere() {
            assertEquals(d("2025-04-26"), calendar.dueDate(d("2025-04-23"), TimeLimit.days(3)));
        }

        @Test
        void holidaysInsideTheLimitStillCount() {
            // 25 days of appraisal (Decree 32/2024 Art. 10) from 5 February 2026: 2 March, a Monday.
            assertEquals(d("2026-03-02"), calendar.dueDate(d("2026-02-05"), TimeLimit.days(25)));
        }

        @Test
        void acrossTheYearEnd() {
            // 27 December 2025 + 5 days = 1 January 2026 (holiday), 2 January off, weekend: Monday 5 January.
            assertEquals(d("2026-01-05"), calendar.dueDate(d("2025-12-27"), TimeLimit.days(5)));
        }
    }

    @Nested
    class ZeroLimits {

        @Test
        void zeroIsTheSameDayWhenItIsAWorkingDay() {
            assertEquals(d("2026-02-11"), calendar.dueDate(d("2026-02-11"), TimeLimit.workingDays(0)));
            assertEquals(d("2026-02-11"), calendar.dueDate(d("2026-02-11"), TimeLimit.days(0)));
        }

        @Test
        void zeroOnADayOffIsTheNextWorkingDay() {
            assertEquals(d("2026-02-23"), calendar.dueDate(d("2026-02-17"), TimeLimit.workingDays(0)));
            assertEquals(d("2026-02-23"), calendar.dueDate(d("2026-02-17"), TimeLimit.days(0)));
        }

        @Test
        void negativeLimitsAreRefused() {
            assertThrows(IllegalArgumentException.class, () -> TimeLimit.days(-1));
        }
    }

    @Nested
    class Pauses {

        private final LocalDate start = d("2026-03-02"); // a Monday

        @Test
        void closedPauseDoesNotCountTheDaysAfterItsStartUpToItsEnd() {
            // Without pause: 3, 4, 5, 6, 9 March. Paused after Wednesday 4 up to Monday 9: 3, 4, 10, 11, 12.
            assertEquals(d("2026-03-09"), calendar.dueDate(start, TimeLimit.workingDays(5)));
            assertEquals(Optional.of(d("2026-03-12")),
                    calendar.dueDate(start, TimeLimit.workingDays(5), List.of(new Pause(d("2026-03-04"), d("2026-03-09")))));
        }

        @Test
        void pauseInCalendarDays() {
            // 25 days from 2 March = 27 March; a pause 10-19 March stops 9 days: 5 April (Sunday) -> Monday 6 April.
            assertEquals(d("2026-03-27"), calendar.dueDate(start, TimeLimit.days(25)));
            assertEquals(Optional.of(d("2026-04-06")),
                    calendar.dueDate(start, TimeLimit.days(25), List.of(new Pause(d("2026-03-10"), d("2026-03-19")))));
        }

        @Test
        void twoPausesAndOverlappingPauses() {
            List<Pause> pauses = List.of(new Pause(d("2026-03-03"), d("2026-03-04")), new Pause(d("2026-03-05"), d("2026-03-06")),
                    new Pause(d("2026-03-05"), d("2026-03-05")));
            // The day a pause starts counts: 3 March, (4 stopped), 5 March, (6 stopped), 9, 10, 11 March. A pause
            // [5, 5] stops nothing.
            assertEquals(Optional.of(d("2026-03-11")), calendar.dueDate(start, TimeLimit.workingDays(5), pauses));
        }

        @Test
        void openPauseLeavesNoDueDate() {
            assertEquals(Optional.empty(),
                    calendar.dueDate(start, TimeLimit.workingDays(5), List.of(Pause.open(d("2026-03-04")))));
            WorkingCalendar.Deadline deadline = calendar.deadline(start, TimeLimit.workingDays(5), List.of(Pause.open(d("2026-03-04"))));
            assertTrue(deadline.due().isEmpty());
            assertTrue(deadline.warnings().isEmpty());
        }

        @Test
        void pauseOpenedAfterTheLimitRanOutChangesNothing() {
            assertEquals(Optional.of(d("2026-03-09")),
                    calendar.dueDate(start, TimeLimit.workingDays(5), List.of(Pause.open(d("2026-03-09")))));
        }

        @Test
        void pauseBeforeTheStartIsIgnored() {
            assertEquals(Optional.of(d("2026-03-09")),
                    calendar.dueDate(start, TimeLimit.workingDays(5), List.of(new Pause(d("2026-02-01"), d("2026-02-20")))));
        }

        @Test
        void resumedPauseEndingOnTetSkipsTheHolidays() {
            // From 2 February 2026, paused after 3 February up to 12 February: 3, then 13, then Tết, then 23, 24.
            assertEquals(Optional.of(d("2026-02-24")), calendar.dueDate(d("2026-02-02"), TimeLimit.workingDays(4),
                    List.of(new Pause(d("2026-02-03"), d("2026-02-12")))));
        }

        @Test
        void aPauseCannotEndBeforeItStarts() {
            assertThrows(IllegalArgumentException.class, () -> new Pause(d("2026-03-04"), d("2026-03-03")));
        }
    }

    @Nested
    class Warnings {

        @Test
        void noneForConfirmedYears() {
            assertEquals(List.of(), calendar.warningsFor(d("2025-01-01"), d("2026-12-31")));
            assertEquals(YearStatus.CONFIRMED, calendar.statusOf(2026));
        }

        @Test
        void missingYearIsComputedFromTheRulesAndSaidSo() {
            assertEquals(YearStatus.MISSING, calendar.statusOf(2028));
            // 1 January 2028 is a Saturday: the rules give Monday 3 January off.
            assertFalse(calendar.isWorkingDay(d("2028-01-03")));
            WorkingCalendar.Deadline deadline = calendar.deadline(d("2027-12-30"), TimeLimit.workingDays(2), List.of());
            assertEquals(Optional.of(d("2028-01-04")), deadline.due());
            assertEquals(2, deadline.warnings().size());
            assertEquals(MISSING_2028, deadline.warnings().get(1));
        }

        @Test
        void inEitherOrder() {
            assertEquals(calendar.warningsFor(d("2029-01-01"), d("2027-06-01")),
                    calendar.warningsFor(d("2027-06-01"), d("2029-01-01")));
            assertEquals(3, calendar.warningsFor(d("2027-06-01"), d("2029-01-01")).size());
        }

        @Test
        void emptyCalendarStillCountsWeekendsAndStatutoryHolidaysButWarns() {
            WorkingCalendar empty = WorkingCalendar.of(List.of());
            // The rules' Tết 2026 is the official one: 5 working days from 10 February still end on 24 February.
            assertEquals(d("2026-02-24"), empty.dueDate(d("2026-02-10"), TimeLimit.workingDays(5)));
            assertEquals(List.of("Lịch nghỉ lễ năm 2026 chưa được quản trị viên xác nhận; hạn được tính theo lịch dự kiến"
                    + " (chỉ nghỉ cuối tuần và các ngày lễ tính theo luật)"), empty.warningsFor(d("2026-02-10"), d("2026-02-24")));
        }
    }

    @Nested
    class Construction {

        @Test
        void aYearCannotBeGivenTwiceNorHoldForeignDates() {
            assertThrows(IllegalArgumentException.class, () -> WorkingCalendar.of(List.of(official2026(), official2026())));
            assertThrows(IllegalArgumentException.class, () -> aYear(2026).holiday("2025-12-31", "x").build());
            assertThrows(IllegalArgumentException.class, () -> aYear(2026).holiday("2026-01-01", "x").dayOff("2026-01-01", "y").build());
        }

        @Test
        void editingAYearReturnsACopy() {
            CalendarYear y = official2026();
            CalendarYear changed = y.withDay(new CalendarDay(d("2026-11-24"), DayKind.HOLIDAY, "Ngày Văn hóa Việt Nam", null))
                    .withoutDay(d("2026-01-02"));
            assertEquals(14, y.days().size());
            assertEquals(14, changed.days().size());
            assertTrue(changed.entry(d("2026-11-24")).isPresent());
            assertTrue(changed.entry(d("2026-01-02")).isEmpty());
            assertFalse(WorkingCalendar.of(List.of(changed)).isWorkingDay(d("2026-11-24")));
        }

        @Test
        void todayIsVietnamsDate() {
            // 20:00 UTC on 31 December 2025 is already 1 January 2026 in Vietnam.
            Clock clock = Clock.fixed(Instant.parse("2025-12-31T20:00:00Z"), ZoneOffset.UTC);
            assertEquals(d("2026-01-01"), WorkingCalendar.today(clock));
        }
    }

    @Test
    void timelinessAndTexts() {
        assertEquals(Timeliness.EARLY, Timeliness.of(d("2026-02-23"), d("2026-02-24")));
        assertEquals(Timeliness.ON_TIME, Timeliness.of(d("2026-02-24"), d("2026-02-24")));
        assertEquals(Timeliness.LATE, Timeliness.of(d("2026-02-25"), d("2026-02-24")));
        assertEquals("Quá hạn", Timeliness.LATE.labelVi());
        assertEquals("Trước hạn", Timeliness.EARLY.labelVi());
        assertEquals("Đúng hạn", Timeliness.ON_TIME.labelVi());
        assertEquals("05 ngày làm việc", TimeLimit.workingDays(5).textVi());
        assertEquals("25 ngày", TimeLimit.days(25).textVi());
    }
}
