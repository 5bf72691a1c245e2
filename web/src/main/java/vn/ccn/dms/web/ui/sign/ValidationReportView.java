package vn.ccn.dms.web.ui.sign;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import vn.ccn.dms.platform.DomainException;
import vn.ccn.dms.signature.application.SignatureValidationService;
import vn.ccn.dms.signature.application.SignatureValidationService.ValidationView;

/** A document's signature validation reports, in Vietnamese: one per PDF file, each signature with its checks. */
@Named("validationReport")
@ViewScoped
public class ValidationReportView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss XXX")
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    @Inject
    private transient SignatureValidationService validation;

    private long document;
    private List<FileReport> reports = List.of();

    public record CheckLine(String title, String status, String message) {
    }

    public record SignatureBlock(String summary, String signer, String signingTime, String timestampTime, String level,
            String indication, List<CheckLine> checks, List<String> modifications) {
    }

    public record FileReport(String fileName, String validatedAt, String validatedBy, String indication, String summary,
            List<SignatureBlock> signatures) {
    }

    public void load() {
        try {
            reports = validation.reports(document).stream().map(ValidationReportView::toReport).toList();
        } catch (DomainException e) {
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
        }
    }

    public void validateNow() {
        try {
            validation.validateNow(document);
            load();
        } catch (DomainException e) {
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
        }
    }

    static FileReport toReport(ValidationView v) {
        JsonObject json;
        try (var reader = Json.createReader(new StringReader(v.reportJson()))) {
            json = reader.readObject();
        }
        List<SignatureBlock> signatures = new ArrayList<>();
        for (JsonValue value : json.getJsonArray("signatures")) {
            JsonObject s = value.asJsonObject();
            List<CheckLine> checks = s.getJsonArray("checks").stream().map(JsonValue::asJsonObject)
                    .map(c -> new CheckLine(c.getString("title"), statusText(c.getString("status")), c.getString("message"))).toList();
            List<String> modifications = s.getJsonArray("modificationsAfter").stream().map(JsonValue::asJsonObject)
                    .map(m -> m.getString("message")).toList();
            signatures.add(new SignatureBlock(s.getString("summaryVi"), s.getString("signer"), time(s, "claimedSigningTime"),
                    time(s, "timestampTime"), s.isNull("level") ? "—" : "PAdES " + s.getString("level"), s.getString("indicationVi"),
                    checks, modifications));
        }
        return new FileReport(v.fileName(), TIME.format(v.validatedAt()), v.validatedBy(), json.getString("indicationVi"),
                v.summaryVi(), signatures);
    }

    private static String time(JsonObject o, String name) {
        return o.isNull(name) ? "—" : TIME.format(Instant.parse(o.getString(name)));
    }

    static String statusText(String status) {
        return switch (status) {
            case "PASSED" -> "Đạt";
            case "INFO" -> "Thông tin";
            case "WARNING" -> "Cảnh báo";
            case "INDETERMINATE" -> "Chưa xác định";
            case "FAILED" -> "Không đạt";
            default -> status;
        };
    }

    public long getDocument() {
        return document;
    }

    public void setDocument(long document) {
        this.document = document;
    }

    public List<FileReport> getReports() {
        return reports;
    }
}
