package vn.ccn.dms.dossier.application.forms;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Form 07: the tracking book (sổ theo dõi hồ sơ) of the dossiers received between two dates.
 */
public record TrackingBook(FormHeader header, LocalDate from, LocalDate to, List<TrackingLine> lines) {

    public TrackingBook {
        Objects.requireNonNull(header, "header");
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
