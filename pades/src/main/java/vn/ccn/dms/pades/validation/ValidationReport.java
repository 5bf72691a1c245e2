package vn.ccn.dms.pades.validation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The validation of a whole PDF: one report per signature in revision order, and the document's indication
 * (the worst of its signatures; INDETERMINATE when there is none).
 */
public record ValidationReport(Instant validationTime, long fileLength, Indication indication, List<SignatureReport> signatures,
        String vietnameseSummary) {

    public ValidationReport {
        Objects.requireNonNull(validationTime, "validationTime");
        Objects.requireNonNull(indication, "indication");
        signatures = List.copyOf(signatures);
        Objects.requireNonNull(vietnameseSummary, "vietnameseSummary");
    }

    public boolean allPassed() {
        return !signatures.isEmpty() && signatures.stream().allMatch(s -> s.indication() == Indication.TOTAL_PASSED);
    }
}
