package vn.ccn.dms.pades.testpki;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import vn.ccn.dms.pades.crypto.Digest;
import vn.ccn.dms.pades.crypto.ExternalSigner;
import vn.ccn.dms.pades.crypto.Signer;
import vn.ccn.dms.pades.revocation.OnlineRevocationSource;
import vn.ccn.dms.pades.revocation.RevocationSource;
import vn.ccn.dms.pades.signing.PadesSigningService;
import vn.ccn.dms.pades.signing.SigningConfiguration;
import vn.ccn.dms.pades.tsp.HttpTimestampSource;
import vn.ccn.dms.pades.tsp.TimestampSource;
import vn.ccn.dms.pades.validation.PdfSignatureValidator;
import vn.ccn.dms.pades.validation.ValidationPolicy;

/** Wiring of the engine against a {@link TestPki}. */
public final class Engines {

    private Engines() {
    }

    public static TimestampSource tsa(TestPki pki) {
        return new HttpTimestampSource(pki.tsaUrl(), Duration.ofSeconds(5));
    }

    public static RevocationSource online() {
        return new OnlineRevocationSource(Duration.ofSeconds(5), Clock.systemUTC());
    }

    public static PadesSigningService signing(TestPki pki) {
        return signing(tsa(pki));
    }

    public static PadesSigningService signing(TimestampSource tsa) {
        return new PadesSigningService(new SigningConfiguration(Clock.systemUTC(), SigningConfiguration.VIETNAM, tsa, online(), true));
    }

    public static PadesSigningService signingTo(URI tsaUrl) {
        return signing(new HttpTimestampSource(tsaUrl, Duration.ofSeconds(2)));
    }

    /** Validates with the document's own data only: what B-LT promises. */
    public static PdfSignatureValidator offlineValidator(TestPki pki) {
        return new PdfSignatureValidator(ValidationPolicy.offline(List.of(pki.rootCertificate()), Clock.systemUTC()));
    }

    public static PdfSignatureValidator onlineValidator(TestPki pki) {
        return new PdfSignatureValidator(new ValidationPolicy(List.of(pki.rootCertificate()), online(), true, Clock.systemUTC()));
    }

    /** A software signer over the identity's key, standing in for a token. */
    public static Signer signer(TestPki.Identity identity) {
        return new ExternalSigner(identity.chain(), (Digest digest, vn.ccn.dms.pades.crypto.SignatureAlgorithm algorithm) -> {
            java.security.Signature s = java.security.Signature.getInstance(algorithm.rawJcaName());
            s.initSign(identity.key());
            if (algorithm.keyType() == vn.ccn.dms.pades.crypto.KeyType.RSA) {
                // EMSA-PKCS1-v1_5 (RFC 8017 §9.2): sign the DER DigestInfo of the digest.
                s.update(new org.bouncycastle.asn1.x509.DigestInfo(
                        new org.bouncycastle.asn1.x509.AlgorithmIdentifier(digest.algorithm().oid(), org.bouncycastle.asn1.DERNull.INSTANCE),
                        digest.value()).getEncoded("DER"));
            } else {
                s.update(digest.value());
            }
            return s.sign();
        });
    }
}
