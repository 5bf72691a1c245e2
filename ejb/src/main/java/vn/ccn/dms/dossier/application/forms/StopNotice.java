package vn.ccn.dms.dossier.application.forms;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Form 05: the notice that the settlement of a dossier is stopped, with the reason.
 */
public record StopNotice(FormHeader header, String dossierCode, String applicantName, String procedureName,
        Instant receivedAt, String reason, LocalDate date, String signerName) {

    public StopNotice {
        Objects.requireNonNull(header, "header");
    }
}
