package vn.ccn.dms.calendar.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Whether a step was done before, on or after its due date, as the processing control slip records each
 * handover (Circular 03/2025/TT-VPCP, form 06: trước hạn / đúng hạn / quá hạn).
 */
public enum Timeliness {
    EARLY("Trước hạn"),
    ON_TIME("Đúng hạn"),
    LATE("Quá hạn");

    private final String labelVi;

    Timeliness(String labelVi) {
        this.labelVi = labelVi;
    }

    /** Compares whole days: anything done on the due date, at whatever hour, is on time. */
    public static Timeliness of(LocalDate done, LocalDate due) {
        Objects.requireNonNull(done, "done");
        Objects.requireNonNull(due, "due");
        int c = done.compareTo(due);
        return c < 0 ? EARLY : c == 0 ? ON_TIME : LATE;
    }

    public String labelVi() {
        return labelVi;
    }
}
