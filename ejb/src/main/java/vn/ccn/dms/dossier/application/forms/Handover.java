package vn.ccn.dms.dossier.application.forms;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One row of the processing control slip: who handed the dossier to whom and when, the step's due date,
 * and whether the step finished early, on time or late.
 *
 * @param resultVi "Trước hạn", "Đúng hạn", "Quá hạn" or "" while the step is still open
 */
public record Handover(String fromName, String fromUnit, String toName, String toUnit, Instant at,
        LocalDate due, String resultVi, String note) { }
