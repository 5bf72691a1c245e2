package vn.ccn.dms.dossier.application.forms;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Form 02: the request to supplement and complete a dossier (phiếu yêu cầu bổ sung, hoàn thiện hồ sơ),
 * listing every missing or faulty item at once, as the one-stop rules require a single, complete request.
 */
public record SupplementRequest(FormHeader header, String dossierCode, String applicantName,
        String procedureName, Instant receivedAt, List<String> items, String reason, LocalDate date,
        String officerName) {

    public SupplementRequest {
        Objects.requireNonNull(header, "header");
        items = items == null ? List.of() : List.copyOf(items);
    }
}
