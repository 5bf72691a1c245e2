package vn.ccn.dms.calendar.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The weekly rest days of state agencies. Saturday and Sunday since the 40-hour week of Decision
 * 188/1999/QĐ-TTg; kept as data per calendar year so that a change needs no code.
 */
public record WeekendRule(Set<DayOfWeek> days) {

    public static final WeekendRule SATURDAY_SUNDAY = new WeekendRule(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));

    public WeekendRule {
        Objects.requireNonNull(days, "days");
        if (days.size() > 2) {
            throw new IllegalArgumentException("at most two weekly rest days, was " + days);
        }
        days = days.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(days));
    }

    /** Parses "SATURDAY,SUNDAY" (as stored); blank means no weekly rest day. */
    public static WeekendRule parse(String text) {
        if (text == null || text.isBlank()) {
            return new WeekendRule(Set.of());
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : text.split(",")) {
            days.add(DayOfWeek.valueOf(part.strip().toUpperCase(java.util.Locale.ROOT)));
        }
        return new WeekendRule(days);
    }

    public boolean isRestDay(LocalDate day) {
        return days.contains(day.getDayOfWeek());
    }

    /** "SATURDAY,SUNDAY", the stored form, in week order. */
    public String text() {
        return days.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }
}
