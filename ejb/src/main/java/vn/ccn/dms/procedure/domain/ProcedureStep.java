package vn.ccn.dms.procedure.domain;

import java.util.List;
import java.util.Objects;
import vn.ccn.dms.calendar.domain.TimeLimit;

/**
 * One step of a procedure: what is done, by which functional role (null: the applicant or investor), in which
 * phase (PREPARATION steps happen before the dossier reaches the desk), which roles are asked for written
 * opinions, and how the step's clock starts (after the previous step, or from a date on the dossier such as
 * the approval date of a regulation that must be filed within 5 working days).
 */
public record ProcedureStep(String code, int seq, String phase, String kind, String nameVi, String responsibleRole,
        String expectedDocuments, String startBasis, boolean opinionsBeforeCompletion, TimeLimit defaultReply,
        List<String> opinionRoles, String legalBasis) {

    public ProcedureStep {
        Objects.requireNonNull(code, "code");
        opinionRoles = List.copyOf(opinionRoles);
    }

    public boolean processing() {
        return "PROCESSING".equals(phase);
    }

    public boolean startsFromReferenceDate() {
        return "REFERENCE_DATE".equals(startBasis);
    }
}
