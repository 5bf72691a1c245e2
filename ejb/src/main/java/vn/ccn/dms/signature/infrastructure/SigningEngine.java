package vn.ccn.dms.signature.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import vn.ccn.dms.config.DmsSettings;
import vn.ccn.dms.pades.PadesLevel;
import vn.ccn.dms.pades.revocation.OnlineRevocationSource;
import vn.ccn.dms.pades.revocation.RevocationSource;
import vn.ccn.dms.pades.signing.PadesSigningService;
import vn.ccn.dms.pades.signing.SigningConfiguration;
import vn.ccn.dms.pades.tsp.FallbackTimestampSource;
import vn.ccn.dms.pades.tsp.HttpTimestampSource;
import vn.ccn.dms.pades.tsp.TimestampSource;
import vn.ccn.dms.pades.validation.PdfSignatureValidator;
import vn.ccn.dms.pades.validation.ValidationPolicy;
import vn.ccn.dms.signature.application.SignatureSettings;

/**
 * The pades engine wired to this installation's configuration: the TSA (with the administrator's explicit
 * fallback list, never a silent downgrade to a lower level), revocation from the addresses in the certificates
 * (OCSP, CRL; CRLs cached until their next update), and the trust anchors. One instance per application: the
 * engine holds configuration only and is thread-safe; it is rebuilt when the anchors change.
 */
@ApplicationScoped
public class SigningEngine {

    private SignatureSettings settings;
    private Clock clock;
    private DmsSettings dms;
    private RevocationSource revocation;
    private TimestampSource timestamps;
    private TrustAnchorFile anchorFile;
    private List<X509Certificate> engineAnchors;
    private PadesSigningService signing;

    protected SigningEngine() {
        // for CDI proxies
    }

    @Inject
    public SigningEngine(SignatureSettings settings, Clock clock, DmsSettings dms) {
        this.settings = settings;
        this.clock = clock;
        this.dms = dms;
        this.revocation = settings.revocationOnline()
                ? new OnlineRevocationSource(settings.revocationTimeout(), clock) : RevocationSource.none();
        this.timestamps = timestampSource(settings);
        this.anchorFile = settings.trustAnchors().map(TrustAnchorFile::new).orElse(null);
    }

    static TimestampSource timestampSource(SignatureSettings settings) {
        if (settings.tsaUrl().isEmpty()) {
            return null;
        }
        List<TimestampSource> sources = new ArrayList<>();
        sources.add(new HttpTimestampSource(settings.tsaUrl().get(), settings.tsaTimeout()));
        for (URI fallback : settings.tsaFallbackUrls()) {
            sources.add(new HttpTimestampSource(fallback, settings.tsaTimeout()));
        }
        return sources.size() == 1 ? sources.get(0) : new FallbackTimestampSource(sources);
    }

    public PadesLevel level() {
        return settings.level();
    }

    public List<X509Certificate> trustAnchors() {
        return anchorFile == null ? List.of() : anchorFile.anchors();
    }

    /** The signing service; the anchors double as known issuers the signer's token may not carry. */
    public synchronized PadesSigningService signing() {
        List<X509Certificate> anchors = trustAnchors();
        if (signing == null || !anchors.equals(engineAnchors)) {
            // The zone of /M and of the visible times: the installation's zone, Vietnam (+07:00) by default.
            signing = new PadesSigningService(new SigningConfiguration(clock, dms.zone(), timestamps, revocation,
                    settings.revocationRequired()), anchors);
            engineAnchors = anchors;
        }
        return signing;
    }

    /**
     * A validator trusting the configured anchors, consulting online revocation when a document lacks its own
     * data; missing revocation makes a signature INDETERMINATE, as ETSI EN 319 102-1 requires.
     */
    public PdfSignatureValidator validator() {
        return new PdfSignatureValidator(new ValidationPolicy(trustAnchors(), revocation, true, clock));
    }
}
