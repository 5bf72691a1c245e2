package vn.ccn.dms.pades.revocation;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.Optional;
import org.bouncycastle.cert.ocsp.OCSPResp;

/**
 * Where revocation information comes from. Implementations answer empty when they have nothing; they do
 * not judge the answer ({@link RevocationVerifier} does).
 */
public interface RevocationSource {

    Optional<OCSPResp> ocsp(X509Certificate certificate, X509Certificate issuer);

    Optional<X509CRL> crl(X509Certificate certificate, X509Certificate issuer);

    /** A source that never has anything: offline validation and signing without revocation checks. */
    static RevocationSource none() {
        return new RevocationSource() {
            @Override
            public Optional<OCSPResp> ocsp(X509Certificate certificate, X509Certificate issuer) {
                return Optional.empty();
            }

            @Override
            public Optional<X509CRL> crl(X509Certificate certificate, X509Certificate issuer) {
                return Optional.empty();
            }
        };
    }
}
