package vn.ccn.dms.dossier.application.forms;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Form 03: the notice refusing to receive or to settle a dossier, with its reasons (phiếu từ chối tiếp nhận,
 * giải quyết hồ sơ).
 */
public record Refusal(FormHeader header, String dossierCode, String applicantName, String procedureName,
        Instant receivedAt, List<String> reasons, LocalDate date, String officerName) {

    public Refusal {
        Objects.requireNonNull(header, "header");
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
