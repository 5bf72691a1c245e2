package vn.ccn.dms.procedure.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A procedure of the catalogue: its lead role, its steps in order and the papers its dossier contains. */
public record Procedure(String code, String nameVi, String legalBasis, String leadRole, boolean concernsCcn,
        List<ProcedureStep> steps, List<ProcedurePaper> papers) {

    public Procedure {
        Objects.requireNonNull(code, "code");
        steps = List.copyOf(steps);
        papers = List.copyOf(papers);
    }

    public List<ProcedureStep> processingSteps() {
        return steps.stream().filter(ProcedureStep::processing).toList();
    }

    public Optional<ProcedureStep> step(String stepCode) {
        return steps.stream().filter(s -> s.code().equals(stepCode)).findFirst();
    }
}
