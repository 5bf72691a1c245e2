package vn.ccn.dms.calendar.domain;

import java.util.Objects;

/** A legal time limit such as "05 ngày làm việc" (Decree 32/2024 Art. 10) or "25 ngày". */
public record TimeLimit(int amount, DayUnit unit) {

    public TimeLimit {
        Objects.requireNonNull(unit, "unit");
        if (amount < 0) {
            throw new IllegalArgumentException("a time limit cannot be negative, was " + amount);
        }
    }

    public static TimeLimit workingDays(int amount) {
        return new TimeLimit(amount, DayUnit.WORKING_DAYS);
    }

    public static TimeLimit days(int amount) {
        return new TimeLimit(amount, DayUnit.DAYS);
    }

    /** As legal texts write it: two digits below ten, "05 ngày làm việc", "15 ngày". */
    public String textVi() {
        return String.format("%02d %s", amount, unit.labelVi());
    }
}
