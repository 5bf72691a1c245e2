package vn.ccn.dms.calendar.domain;

import java.time.LocalDate;
import java.util.Objects;

/** One dated entry of the calendar: a holiday, an extra day off or a working swap, with its name and source. */
public record CalendarDay(LocalDate date, DayKind kind, String nameVi, String legalBasis) {

    public CalendarDay {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(nameVi, "nameVi");
        if (nameVi.isBlank()) {
            throw new IllegalArgumentException("a calendar day needs a name");
        }
        legalBasis = legalBasis == null || legalBasis.isBlank() ? null : legalBasis.strip();
        nameVi = nameVi.strip();
    }
}
