package vn.ccn.dms.calendar.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which days state agencies work, and the deadline arithmetic on top: immutable, built from the calendar years
 * an administrator maintains. A year with no stored data is not guessed silently: it is computed from the
 * statutory rules ({@link StatutoryHolidays}) with status {@link YearStatus#MISSING}, and
 * {@link #warningsFor(LocalDate, LocalDate)} names every year a computation touched that is not
 * {@link YearStatus#CONFIRMED}.
 *
 * <p>Counting conventions (Civil Code 2015 Art. 147.1 and 148.5):
 * <ul>
 * <li>The day of the event that starts a limit is not counted; counting begins the next day.</li>
 * <li>{@link DayUnit#DAYS}: calendar days; when the last day is not a working day the limit ends on the next
 * working day.</li>
 * <li>{@link DayUnit#WORKING_DAYS}: the n-th working day after the start.</li>
 * <li>A limit of zero is due on the start day if it is a working day, otherwise on the next working day
 * ("the same day, at the latest the next working day").</li>
 * <li>Pauses: see {@link Pause}; the days after {@code from} up to and including {@code to} are neither
 * counted nor eligible as the due date.</li>
 * </ul>
 * All dates are civil dates in {@link #ZONE}.
 */
public final class WorkingCalendar {

    /** The legal time of every deadline (Decree 32/2024 deadlines are counted in Vietnam's civil days). */
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private final Map<Integer, CalendarYear> stored;
    private final WeekendRule defaultWeekend;
    /** Years computed on demand from the rules: a cache of a pure function, so the calendar stays immutable. */
    private final Map<Integer, CalendarYear> computed = new ConcurrentHashMap<>();

    private WorkingCalendar(Map<Integer, CalendarYear> stored, WeekendRule defaultWeekend) {
        this.stored = Map.copyOf(stored);
        this.defaultWeekend = Objects.requireNonNull(defaultWeekend, "defaultWeekend");
    }

    /** A calendar of the given years; other years fall back to the rules with Saturday and Sunday as weekend. */
    public static WorkingCalendar of(Collection<CalendarYear> years) {
        return of(years, WeekendRule.SATURDAY_SUNDAY);
    }

    public static WorkingCalendar of(Collection<CalendarYear> years, WeekendRule defaultWeekend) {
        Objects.requireNonNull(years, "years");
        Map<Integer, CalendarYear> byYear = new TreeMap<>();
        for (CalendarYear y : years) {
            if (y.status() == YearStatus.MISSING) {
                throw new IllegalArgumentException("a stored year cannot be MISSING: " + y.year());
            }
            if (byYear.put(y.year(), y) != null) {
                throw new IllegalArgumentException("the year " + y.year() + " is given twice");
            }
        }
        return new WorkingCalendar(byYear, defaultWeekend);
    }

    /** Today in Vietnam. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** The data used for {@code year}: stored, or computed from the rules with status MISSING. */
    public CalendarYear year(int year) {
        CalendarYear y = stored.get(year);
        if (y != null) {
            return y;
        }
        return computed.computeIfAbsent(year, n -> StatutoryHolidays.propose(n, defaultWeekend).withStatus(
                YearStatus.MISSING, "Chưa có lịch nghỉ lễ năm " + n + "; tính theo quy định của Bộ luật Lao động"));
    }

    public boolean isWorkingDay(LocalDate day) {
        Objects.requireNonNull(day, "day");
        CalendarYear y = year(day.getYear());
        return y.entry(day).map(e -> e.kind().isWorking()).orElseGet(() -> !y.weekend().isRestDay(day));
    }

    /**
     * Due date of a limit counted from start (the count begins the day AFTER start). DAYS: calendar days, and
     * when the last day is not a working day the limit ends on the next working day (Civil Code 2015 Art. 148.5).
     * WORKING_DAYS: the n-th working day after start.
     */
    public LocalDate dueDate(LocalDate start, TimeLimit limit) {
        return dueDate(start, limit, List.of()).orElseThrow();
    }

    /**
     * Same, with days inside pauses not counted: for a pause [from, to], the days after {@code from} up to and
     * including {@code to} are not counted and the limit cannot end on them; counting resumes the day after
     * {@code to}. Returns {@link Optional#empty()} while a pause that the count runs into is open; a pause opened
     * after the limit has already run out does not change the due date.
     */
    public Optional<LocalDate> dueDate(LocalDate start, TimeLimit limit, List<Pause> pauses) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(pauses, "pauses");
        LocalDate day = start;
        int remaining = limit.amount();
        while (remaining > 0) {
            day = day.plusDays(1);
            Optional<Pause> pause = stoppedBy(day, pauses);
            if (pause.isPresent()) {
                if (pause.get().isOpen()) {
                    return Optional.empty();
                }
                continue;
            }
            if (limit.unit() == DayUnit.DAYS || isWorkingDay(day)) {
                remaining--;
            }
        }
        // Art. 148.5 for calendar days; for working days only a zero limit starting on a day off moves here.
        while (true) {
            Optional<Pause> pause = stoppedBy(day, pauses);
            if (pause.isPresent() && pause.get().isOpen()) {
                return Optional.empty();
            }
            if (pause.isEmpty() && isWorkingDay(day)) {
                return Optional.of(day);
            }
            day = day.plusDays(1);
        }
    }

    /** The due date together with the warnings for the years it was counted over. */
    public Deadline deadline(LocalDate start, TimeLimit limit, List<Pause> pauses) {
        Optional<LocalDate> due = dueDate(start, limit, pauses);
        LocalDate end = due.orElseGet(() -> pauses.stream().filter(Pause::isOpen).map(Pause::from)
                .max(LocalDate::compareTo).filter(d -> d.isAfter(start)).orElse(start));
        return new Deadline(due.orElse(null), warningsFor(start, end));
    }

    /** Working days strictly after {@code from} up to and including {@code to} (0 when to <= from). */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    /**
     * Warnings in Vietnamese for the years between {@code from} and {@code to} (in either order) whose holidays
     * are not confirmed by an administrator. Empty when every year is confirmed.
     */
    public List<String> warningsFor(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        int first = Math.min(from.getYear(), to.getYear());
        int last = Math.max(from.getYear(), to.getYear());
        List<String> warnings = new ArrayList<>();
        for (int y = first; y <= last; y++) {
            switch (year(y).status()) {
                case CONFIRMED -> {
                }
                case PROPOSED -> warnings.add("Lịch nghỉ lễ năm " + y + " chưa được quản trị viên xác nhận; hạn được"
                        + " tính theo lịch đề xuất, chưa đối chiếu với thông báo chính thức về nghỉ lễ, Tết năm " + y);
                case MISSING -> warnings.add("Lịch nghỉ lễ năm " + y + " chưa được quản trị viên xác nhận; hạn được"
                        + " tính theo lịch dự kiến (chỉ nghỉ cuối tuần và các ngày lễ tính theo luật)");
            }
        }
        return List.copyOf(warnings);
    }

    /** The status of the data for a year: CONFIRMED, PROPOSED, or MISSING when nothing is stored. */
    public YearStatus statusOf(int year) {
        return year(year).status();
    }

    private static Optional<Pause> stoppedBy(LocalDate day, List<Pause> pauses) {
        // An open pause wins over a closed one on the same day: the clock is stopped for an unknown time.
        Pause found = null;
        for (Pause p : pauses) {
            if (p.stops(day) && (found == null || p.isOpen())) {
                found = p;
            }
        }
        return Optional.ofNullable(found);
    }

    /** A due date, or none while the clock is paused, and the warnings about the data it was computed from. */
    public record Deadline(LocalDate dueDate, List<String> warnings) {
        public Deadline {
            warnings = List.copyOf(warnings);
        }

        public Optional<LocalDate> due() {
            return Optional.ofNullable(dueDate);
        }
    }
}
