package vn.ccn.dms.dossier.application.forms;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Form 04: the apology and new appointment (phiếu xin lỗi và hẹn lại ngày trả kết quả) sent when a dossier
 * will be late, giving the reason and the new date.
 */
public record Apology(FormHeader header, String dossierCode, String applicantName, String procedureName,
        Instant receivedAt, LocalDate appointmentDate, LocalDate newAppointmentDate, String reason,
        LocalDate date, String signerName) {

    public Apology {
        Objects.requireNonNull(header, "header");
    }
}
