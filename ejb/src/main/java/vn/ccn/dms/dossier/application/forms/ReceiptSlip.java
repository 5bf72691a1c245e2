package vn.ccn.dms.dossier.application.forms;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Form 01: the receipt and appointment slip (giấy tiếp nhận hồ sơ và hẹn trả kết quả) handed to the
 * applicant when the one-stop desk accepts a complete dossier. {@code statusUrl} is printed as a QR code so
 * the applicant can follow the dossier on the public status page. Optional strings may be null or blank;
 * they are then printed as a dotted blank.
 */
public record ReceiptSlip(FormHeader header, String dossierCode, String applicantName, String applicantAddress,
        String applicantPhone, String applicantEmail, String procedureName, List<PaperLine> papers,
        int paperSets, Instant receivedAt, LocalDate appointmentDate, String channelVi, String receiverName,
        String statusUrl) {

    public ReceiptSlip {
        Objects.requireNonNull(header, "header");
        papers = papers == null ? List.of() : List.copyOf(papers);
    }
}
