package vn.ccn.dms.pades.validation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import vn.ccn.dms.pades.PadesLevel;

/**
 * The validation of one signature or document time-stamp.
 *
 * @param fieldName the signature field's fully qualified name
 * @param subFilter e.g. ETSI.CAdES.detached
 * @param signer the signer's (or TSA's) subject DN, empty when unknown
 * @param claimedSigningTime /M of the signature dictionary, or null
 * @param timestampTime genTime of a valid signature time-stamp (or of the document time-stamp), or null
 * @param level the PAdES baseline level the signature reaches, or null when it is not a PAdES baseline signature
 * @param docMdpPermission P of a certification signature, 0 otherwise
 * @param coversWholeDocument whether the byte range reaches the end of the file
 * @param revisionEnd offset of the end of the revision the signature covers
 */
public record SignatureReport(int index, String fieldName, SignatureKind kind, String subFilter, String signer,
        Instant claimedSigningTime, Instant timestampTime, PadesLevel level, int docMdpPermission,
        boolean coversWholeDocument, long revisionEnd, Indication indication, List<Check> checks,
        List<Modification> modificationsAfter) {

    public SignatureReport {
        Objects.requireNonNull(fieldName, "fieldName");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(indication, "indication");
        checks = List.copyOf(checks);
        modificationsAfter = List.copyOf(modificationsAfter);
        subFilter = subFilter == null ? "" : subFilter;
        signer = signer == null ? "" : signer;
    }

    public Optional<Check> check(CheckCode code) {
        return checks.stream().filter(c -> c.code() == code).findFirst();
    }

    /** A Vietnamese summary line for lists. */
    public String vietnameseSummary() {
        String who = signer.isEmpty() ? "" : " – " + signer;
        return "Chữ ký «" + fieldName + "»" + who + ": " + indication.vietnamese()
                + (level == null ? "" : " (PAdES " + level.name().replace('_', '-') + ")");
    }
}
