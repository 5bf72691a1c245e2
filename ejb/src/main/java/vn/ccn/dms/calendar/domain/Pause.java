package vn.ccn.dms.calendar.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A stop of the clock, e.g. while the applicant completes a dossier (time waiting for supplements is not
 * counted in the appraisal, Decree 32/2024 Art. 10). Convention: the day {@code from} itself still counts
 * (the request for supplements goes out that day); the days after it up to and including {@code to} (the day
 * the supplement arrives) do not; counting resumes the day after {@code to}. {@code to == null}: still paused.
 */
public record Pause(LocalDate from, LocalDate to) {

    public Pause {
        Objects.requireNonNull(from, "from");
        if (to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("a pause cannot end (" + to + ") before it starts (" + from + ")");
        }
    }

    public static Pause open(LocalDate from) {
        return new Pause(from, null);
    }

    public boolean isOpen() {
        return to == null;
    }

    /** Whether the clock stands still on {@code day} under this (closed or open) pause. */
    public boolean stops(LocalDate day) {
        return day.isAfter(from) && (to == null || !day.isAfter(to));
    }
}
