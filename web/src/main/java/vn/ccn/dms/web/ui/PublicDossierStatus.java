package vn.ccn.dms.web.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import vn.ccn.dms.dossier.application.DossierService;
import vn.ccn.dms.dossier.application.DossierViews.PublicStatus;

/** The public status page of a dossier (no login): status and appointment date, no personal data. */
@Named
@RequestScoped
public class PublicDossierStatus {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Inject
    private DossierService dossiers;

    private String code;
    private PublicStatus status;
    private boolean notFound;

    public void load() {
        if (code != null && !code.isBlank()) {
            find();
        }
    }

    public String find() {
        String c = code == null ? "" : code.trim();
        status = dossiers.publicStatus(c).orElse(null);
        notFound = status == null && !c.isEmpty();
        return null;
    }

    public String format(LocalDate date) {
        return date == null ? "Chưa xác định" : DATE.format(date);
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code == null ? null : code.length() > 64 ? code.substring(0, 64) : code;
    }

    public PublicStatus getStatus() {
        return status;
    }

    public boolean isNotFound() {
        return notFound;
    }
}
