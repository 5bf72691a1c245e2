package vn.ccn.dms.pades.testpki;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.cert.ocsp.OCSPResp;
import vn.ccn.dms.pades.revocation.RevocationSource;

/** Revocation from a fixed list of CRLs: the same input the benchmark gives EU DSS. */
public record InMemoryCrlSource(List<X509CRL> crls) implements RevocationSource {

    @Override
    public Optional<OCSPResp> ocsp(X509Certificate certificate, X509Certificate issuer) {
        return Optional.empty();
    }

    @Override
    public Optional<X509CRL> crl(X509Certificate certificate, X509Certificate issuer) {
        return crls.stream().filter(c -> c.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())).findFirst();
    }
}
