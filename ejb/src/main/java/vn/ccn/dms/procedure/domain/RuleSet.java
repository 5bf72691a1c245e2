package vn.ccn.dms.procedure.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A version of the legal time limits, in force from a date (Quy chế Art. 16.1). {@code confirmed} is false for
 * limits read in a secondary source that an administrator must check against the official text.
 */
public record RuleSet(String code, String nameVi, String legalBasis, LocalDate effectiveFrom, boolean confirmed,
        String note) {

    public RuleSet {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
    }
}
