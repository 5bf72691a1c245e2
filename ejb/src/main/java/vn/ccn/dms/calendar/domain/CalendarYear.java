package vn.ccn.dms.calendar.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The days off and swaps of one solar year, with how far they can be trusted. Immutable; the {@code with...}
 * methods return a changed copy. At most one entry per date.
 */
public record CalendarYear(int year, YearStatus status, WeekendRule weekend, List<CalendarDay> days, String note) {

    public CalendarYear {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(weekend, "weekend");
        Objects.requireNonNull(days, "days");
        TreeMap<LocalDate, CalendarDay> byDate = new TreeMap<>();
        for (CalendarDay day : days) {
            Objects.requireNonNull(day, "day");
            if (day.date().getYear() != year) {
                throw new IllegalArgumentException(day.date() + " does not belong to the year " + year);
            }
            if (byDate.put(day.date(), day) != null) {
                throw new IllegalArgumentException("two entries for " + day.date());
            }
        }
        days = List.copyOf(byDate.values());
        note = note == null || note.isBlank() ? null : note.strip();
    }

    public Optional<CalendarDay> entry(LocalDate date) {
        return days.stream().filter(d -> d.date().equals(date)).findFirst();
    }

    /** This year with {@code day} added, or replacing the entry of its date. */
    public CalendarYear withDay(CalendarDay day) {
        List<CalendarDay> changed = new ArrayList<>(days);
        changed.removeIf(d -> d.date().equals(day.date()));
        changed.add(day);
        return new CalendarYear(year, status, weekend, changed, note);
    }

    public CalendarYear withoutDay(LocalDate date) {
        List<CalendarDay> changed = new ArrayList<>(days);
        changed.removeIf(d -> d.date().equals(date));
        return new CalendarYear(year, status, weekend, changed, note);
    }

    public CalendarYear withStatus(YearStatus newStatus, String newNote) {
        return new CalendarYear(year, newStatus, weekend, days, newNote);
    }
}
