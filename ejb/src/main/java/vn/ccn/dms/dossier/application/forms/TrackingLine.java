package vn.ccn.dms.dossier.application.forms;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One row of the tracking book. {@code finishedAt} and {@code returnedAt} are null while the dossier is not
 * yet settled or returned.
 */
public record TrackingLine(int ordinal, String dossierCode, String procedureName, String applicantName,
        Instant receivedAt, LocalDate appointmentDate, Instant finishedAt, Instant returnedAt, String statusVi,
        String note) { }
