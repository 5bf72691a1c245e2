package vn.ccn.dms.calendar.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import vn.ccn.dms.calendar.domain.VietnameseLunarCalendar.LunarDate;

/**
 * Proposes the days off of a year from the law alone. It is a proposal: the Prime Minister sets the exact Tết
 * days and the day next to National Day each year (Labour Code 2019 Art. 112.3), and often swaps working days
 * around holidays; an administrator compares the proposal with the official notice and confirms the year.
 *
 * <p>Holidays, Labour Code 2019 Art. 112.1: a) 1 January; b) Tết, five days; c) 30 April; d) 1 May;
 * đ) 2 September and one day next to it; e) the Hùng Kings commemoration, 10th day of the 3rd lunar month.
 * When a holiday falls on a weekly rest day, the next working day is a compensatory day off (nghỉ bù,
 * Art. 111.3).
 */
public final class StatutoryHolidays {

    public static final String HOLIDAYS = "Bộ luật Lao động 2019, Điều 112 khoản 1";
    public static final String COMPENSATORY = "Bộ luật Lao động 2019, Điều 111 khoản 3";
    public static final String SET_BY_PRIME_MINISTER = "; ngày cụ thể do Thủ tướng Chính phủ quyết định (Điều 112 khoản 3)";

    private StatutoryHolidays() {
    }

    /** The proposal for {@code year} with Saturday and Sunday as weekly rest days. */
    public static CalendarYear propose(int year) {
        return propose(year, WeekendRule.SATURDAY_SUNDAY);
    }

    /** The statutory holidays of {@code year} plus the compensatory days off, status {@link YearStatus#PROPOSED}. */
    public static CalendarYear propose(int year, WeekendRule weekend) {
        Objects.requireNonNull(weekend, "weekend");
        List<CalendarDay> holidays = holidays(year, weekend);
        List<CalendarDay> days = new ArrayList<>(holidays);
        days.addAll(compensatoryDays(holidays, weekend));
        return new CalendarYear(year, YearStatus.PROPOSED, weekend, days,
                "Sinh tự động theo Bộ luật Lao động 2019 (Điều 111, 112); cần đối chiếu thông báo chính thức năm " + year);
    }

    /** The statutory holidays alone (without compensatory days). */
    public static List<CalendarDay> holidays(int year, WeekendRule weekend) {
        List<CalendarDay> days = new ArrayList<>();
        days.add(holiday(LocalDate.of(year, Month.JANUARY, 1), "Tết Dương lịch", "a"));

        // b) Tết: by default the last day of the old lunar year and the first four of the new one.
        LocalDate tet = VietnameseLunarCalendar.newYear(year);
        String oldYear = VietnameseLunarCalendar.yearNameVi(year - 1);
        String newYear = VietnameseLunarCalendar.yearNameVi(year);
        LocalDate eve = tet.minusDays(1);
        int eveDay = VietnameseLunarCalendar.toLunar(eve).day();
        days.add(new CalendarDay(eve, DayKind.HOLIDAY, "Tết Nguyên đán (" + eveDay + " tháng Chạp năm " + oldYear + ")",
                HOLIDAYS + " điểm b" + SET_BY_PRIME_MINISTER));
        for (int i = 0; i < 4; i++) {
            days.add(new CalendarDay(tet.plusDays(i), DayKind.HOLIDAY,
                    "Tết Nguyên đán (mùng " + (i + 1) + " tháng Giêng năm " + newYear + ")",
                    HOLIDAYS + " điểm b" + SET_BY_PRIME_MINISTER));
        }

        days.add(holiday(LocalDate.of(year, Month.APRIL, 30), "Ngày Chiến thắng", "c"));
        days.add(holiday(LocalDate.of(year, Month.MAY, 1), "Ngày Quốc tế lao động", "d"));

        // đ) 2 September and one day before or after it.
        LocalDate nationalDay = LocalDate.of(year, Month.SEPTEMBER, 2);
        days.add(holiday(nationalDay, "Quốc khánh", "đ"));
        days.add(new CalendarDay(adjacentNationalDay(nationalDay, weekend), DayKind.HOLIDAY, "Quốc khánh (ngày liền kề)",
                HOLIDAYS + " điểm đ" + SET_BY_PRIME_MINISTER));

        LocalDate hungKings = VietnameseLunarCalendar.toSolar(LunarDate.of(year, 3, 10));
        days.add(holiday(hungKings, "Giỗ Tổ Hùng Vương (10 tháng 3 âm lịch)", "e"));
        return days;
    }

    /**
     * Which neighbour of 2 September to propose: a working day rather than a rest day (so the holiday is not
     * lost to the weekend), and of two working days the one that joins the holidays to a weekend (as the notices
     * of 2021, 2024 and 2025 did); otherwise the day before.
     */
    static LocalDate adjacentNationalDay(LocalDate nationalDay, WeekendRule weekend) {
        LocalDate before = nationalDay.minusDays(1);
        LocalDate after = nationalDay.plusDays(1);
        boolean beforeWorks = !weekend.isRestDay(before);
        boolean afterWorks = !weekend.isRestDay(after);
        if (beforeWorks != afterWorks) {
            return beforeWorks ? before : after;
        }
        if (beforeWorks && weekend.isRestDay(after.plusDays(1)) && !weekend.isRestDay(before.minusDays(1))) {
            return after;
        }
        return before;
    }

    /** Art. 111.3: each holiday on a weekly rest day gives the next day that is neither rest day nor holiday off. */
    static List<CalendarDay> compensatoryDays(List<CalendarDay> holidays, WeekendRule weekend) {
        Set<LocalDate> taken = new HashSet<>();
        holidays.forEach(h -> taken.add(h.date()));
        List<CalendarDay> result = new ArrayList<>();
        holidays.stream().sorted((a, b) -> a.date().compareTo(b.date()))
                .filter(h -> weekend.isRestDay(h.date()))
                .forEach(h -> {
                    LocalDate day = h.date().plusDays(1);
                    while (weekend.isRestDay(day) || taken.contains(day)) {
                        day = day.plusDays(1);
                    }
                    taken.add(day);
                    result.add(new CalendarDay(day, DayKind.EXTRA_DAY_OFF, "Nghỉ bù do " + lowerFirst(h.nameVi())
                            + " trùng " + dayName(h.date()) + " " + h.date().getDayOfMonth() + "/" + h.date().getMonthValue(),
                            COMPENSATORY));
                });
        return result;
    }

    private static CalendarDay holiday(LocalDate date, String name, String point) {
        return new CalendarDay(date, DayKind.HOLIDAY, name, HOLIDAYS + " điểm " + point);
    }

    private static String lowerFirst(String s) {
        // Keep proper names ("Quốc khánh", "Giỗ Tổ Hùng Vương", "Tết ...") as written; only "Ngày ..." is lowered.
        return s.startsWith("Ngày ") ? "ngày " + s.substring(5) : s;
    }

    static String dayName(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SUNDAY ? "Chủ nhật" : "thứ " + switch (date.getDayOfWeek()) {
            case MONDAY -> "Hai";
            case TUESDAY -> "Ba";
            case WEDNESDAY -> "Tư";
            case THURSDAY -> "Năm";
            case FRIDAY -> "Sáu";
            default -> "Bảy";
        };
    }
}
