package vn.ccn.dms.procedure.domain;

import java.util.Objects;
import vn.ccn.dms.calendar.domain.TimeLimit;

/** The time limit of one step under one rule set, and whether waiting for supplements stops its clock. */
public record StepLimit(String stepCode, String ruleSetCode, TimeLimit limit, boolean pausesForSupplements,
        String legalBasis) {

    public StepLimit {
        Objects.requireNonNull(stepCode, "stepCode");
        Objects.requireNonNull(limit, "limit");
    }
}
