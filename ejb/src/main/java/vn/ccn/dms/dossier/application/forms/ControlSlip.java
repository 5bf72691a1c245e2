package vn.ccn.dms.dossier.application.forms;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Form 06: the processing control slip (phiếu kiểm soát quá trình giải quyết hồ sơ) that travels with the
 * dossier and records each handover.
 */
public record ControlSlip(FormHeader header, String dossierCode, String applicantName, String procedureName,
        Instant receivedAt, LocalDate appointmentDate, List<Handover> handovers) {

    public ControlSlip {
        Objects.requireNonNull(header, "header");
        handovers = handovers == null ? List.of() : List.copyOf(handovers);
    }
}
