package vn.ccn.dms.procedure.domain;

/** A paper of the dossier's checklist: how many originals and copies the desk expects. */
public record ProcedurePaper(int seq, String nameVi, int originals, int copies, boolean required, String legalBasis) {
}
