package vn.ccn.dms.signature.infrastructure;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import vn.ccn.dms.pades.validation.Check;
import vn.ccn.dms.pades.validation.Modification;
import vn.ccn.dms.pades.validation.SignatureReport;
import vn.ccn.dms.pades.validation.ValidationReport;

/**
 * The stored form of a validation report: JSON with machine codes (ETSI EN 319 102-1 indications, check codes)
 * beside the Vietnamese sentences, so the API serves it as it is and the UI shows the Vietnamese.
 */
public final class ValidationReportJson {

    /**
     * One factory for the class: {@code Json.createObjectBuilder()} looks the JSON provider up through the
     * ServiceLoader on every call, which the upload benchmark's profile showed as a hot spot.
     */
    private static final jakarta.json.JsonBuilderFactory JSON = Json.createBuilderFactory(java.util.Map.of());

    private ValidationReportJson() {
    }

    public static String of(ValidationReport report) {
        JsonArrayBuilder signatures = JSON.createArrayBuilder();
        for (SignatureReport s : report.signatures()) {
            JsonArrayBuilder checks = JSON.createArrayBuilder();
            for (Check c : s.checks()) {
                checks.add(JSON.createObjectBuilder().add("code", c.code().name()).add("title", c.code().vietnameseTitle())
                        .add("status", c.status().name()).add("message", c.message()).add("detail", c.detail()));
            }
            JsonArrayBuilder modifications = JSON.createArrayBuilder();
            for (Modification m : s.modificationsAfter()) {
                modifications.add(JSON.createObjectBuilder().add("kind", m.kind().name()).add("message", m.vietnamese())
                        .add("suspicious", m.kind().suspicious())
                        .add("permittedByDocMdp2", m.kind().permittedBy(2))
                        .add("objectNumber", m.objectNumber()).add("fieldName", m.fieldName()).add("detail", m.detail()));
            }
            JsonObjectBuilder o = JSON.createObjectBuilder().add("index", s.index()).add("fieldName", s.fieldName())
                    .add("kind", s.kind().name()).add("subFilter", s.subFilter()).add("signer", s.signer());
            time(o, "claimedSigningTime", s.claimedSigningTime());
            time(o, "timestampTime", s.timestampTime());
            if (s.level() == null) {
                o.addNull("level");
            } else {
                o.add("level", s.level().name().replace('_', '-'));
            }
            o.add("docMdpPermission", s.docMdpPermission()).add("coversWholeDocument", s.coversWholeDocument())
                    .add("indication", s.indication().name()).add("indicationVi", s.indication().vietnamese())
                    .add("summaryVi", s.vietnameseSummary()).add("checks", checks).add("modificationsAfter", modifications);
            signatures.add(o);
        }
        return JSON.createObjectBuilder().add("validationTime", report.validationTime().toString())
                .add("fileLength", report.fileLength()).add("indication", report.indication().name())
                .add("indicationVi", report.indication().vietnamese()).add("summaryVi", report.vietnameseSummary())
                .add("signatureCount", report.signatures().size()).add("signatures", signatures).build().toString();
    }

    /** The report of a file that could not be validated at all (not a PDF, encrypted, malformed). */
    public static String unreadable(Instant at, String code, String messageVi) {
        return JSON.createObjectBuilder().add("validationTime", at.toString()).add("indication", "UNREADABLE")
                .add("indicationVi", "Không kiểm tra được").add("summaryVi", messageVi).add("errorCode", code)
                .add("signatureCount", 0).add("signatures", JSON.createArrayBuilder()).build().toString();
    }

    private static void time(JsonObjectBuilder o, String name, Instant t) {
        if (t == null) {
            o.addNull(name);
        } else {
            o.add(name, t.toString());
        }
    }
}
