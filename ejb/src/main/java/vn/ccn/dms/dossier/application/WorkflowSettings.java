package vn.ccn.dms.dossier.application;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import vn.ccn.dms.dossier.domain.DossierCodePattern;

/** Settings of the one-stop workflow (docs/configuration.md). */
@ApplicationScoped
public class WorkflowSettings {

    private final DossierCodePattern codePattern;
    private final String publicBaseUrl;
    private final int reminderWorkingDays;

    public WorkflowSettings() {
        Config config = ConfigProvider.getConfig(WorkflowSettings.class.getClassLoader());
        this.codePattern = new DossierCodePattern(config.getOptionalValue("dms.dossier.code-pattern", String.class)
                .orElse("{agency}-{yyMMdd}-{seq:4}"));
        String base = config.getOptionalValue("dms.public.base-url", String.class).orElse("http://localhost:8080");
        this.publicBaseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.reminderWorkingDays = config.getOptionalValue("dms.coordination.reminder-working-days", Integer.class)
                .orElse(1);
    }

    public DossierCodePattern codePattern() {
        return codePattern;
    }

    /** Where the public can reach the status page; printed as a QR code on the receipt slip. */
    public String statusUrl(String dossierCode) {
        return publicBaseUrl + "/public/dossier.xhtml?code=" + java.net.URLEncoder.encode(dossierCode,
                java.nio.charset.StandardCharsets.UTF_8);
    }

    /** How many working days before a reply deadline the silent agency is reminded. */
    public int reminderWorkingDays() {
        return reminderWorkingDays;
    }
}
