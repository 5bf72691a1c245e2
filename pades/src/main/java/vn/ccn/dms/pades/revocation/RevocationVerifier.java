package vn.ccn.dms.pades.revocation;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Checks revocation information for one certificate: that it is authentic (signed by the issuing CA, or
 * for OCSP by a responder the CA delegated to, RFC 6960 §4.2.2.2) and what it says. Nothing here goes to
 * the network.
 */
public final class RevocationVerifier {

    private RevocationVerifier() {
    }

    /**
     * Reads an OCSP response about the certificate.
     *
     * @return empty when the response is not about this certificate or is not authentic
     */
    public static Optional<RevocationStatus> fromOcsp(OCSPResp response, X509Certificate certificate, X509Certificate issuer) {
        try {
            if (response.getStatus() != OCSPResp.SUCCESSFUL || !(response.getResponseObject() instanceof BasicOCSPResp basic)) {
                return Optional.empty();
            }
            if (!responderAuthentic(basic, issuer)) {
                return Optional.empty();
            }
            for (SingleResp single : basic.getResponses()) {
                CertificateID id = single.getCertID();
                // Compare the serial and the issuer hashes with the hash algorithm the responder chose.
                if (!id.getSerialNumber().equals(certificate.getSerialNumber())
                        || !id.matchesIssuer(new JcaX509CertificateHolder(issuer), new JcaDigestCalculatorProviderBuilder().build())) {
                    continue;
                }
                Instant thisUpdate = single.getThisUpdate().toInstant();
                CertificateStatus status = single.getCertStatus();
                if (status == CertificateStatus.GOOD) {
                    return Optional.of(new RevocationStatus(RevocationStatus.State.GOOD, RevocationStatus.Kind.OCSP, null,
                            thisUpdate, "OCSP good, produced " + basic.getProducedAt().toInstant()));
                }
                if (status instanceof RevokedStatus revoked) {
                    return Optional.of(new RevocationStatus(RevocationStatus.State.REVOKED, RevocationStatus.Kind.OCSP,
                            revoked.getRevocationTime().toInstant(), thisUpdate, "OCSP revoked"));
                }
                if (status instanceof UnknownStatus) {
                    return Optional.of(new RevocationStatus(RevocationStatus.State.UNKNOWN, RevocationStatus.Kind.OCSP, null,
                            thisUpdate, "OCSP unknown"));
                }
            }
            return Optional.empty();
        } catch (OCSPException | OperatorCreationException | CertificateException e) {
            return Optional.empty();
        }
    }

    private static boolean responderAuthentic(BasicOCSPResp basic, X509Certificate issuer)
            throws OperatorCreationException, OCSPException, CertificateException {
        // Signed by the CA itself.
        if (basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(issuer.getPublicKey()))) {
            return true;
        }
        // Or by a delegated responder certificate issued by the CA with id-kp-OCSPSigning (RFC 6960 §4.2.2.2).
        for (X509CertificateHolder holder : basic.getCerts()) {
            X509Certificate responder = new JcaX509CertificateConverter().getCertificate(holder);
            if (!responder.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
                continue;
            }
            try {
                responder.verify(issuer.getPublicKey());
                List<String> eku = responder.getExtendedKeyUsage();
                if (eku == null || !eku.contains(KeyPurposeId.id_kp_OCSPSigning.getId())) {
                    continue;
                }
                responder.checkValidity(basic.getProducedAt());
                if (basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(responder.getPublicKey()))) {
                    return true;
                }
            } catch (GeneralSecurityException e) {
                // not this one
            }
        }
        return false;
    }

    /** The certificate chain a delegated OCSP responder presents (empty when the CA signed it). */
    public static List<X509Certificate> responderCertificates(OCSPResp response) {
        try {
            if (!(response.getResponseObject() instanceof BasicOCSPResp basic)) {
                return List.of();
            }
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            java.util.ArrayList<X509Certificate> out = new java.util.ArrayList<>();
            for (X509CertificateHolder h : basic.getCerts()) {
                out.add(converter.getCertificate(h));
            }
            return out;
        } catch (OCSPException | CertificateException e) {
            return List.of();
        }
    }

    /**
     * Reads a CRL about the certificate.
     *
     * @return empty when the CRL is not issued by the issuer or its signature does not verify
     */
    public static Optional<RevocationStatus> fromCrl(X509CRL crl, X509Certificate certificate, X509Certificate issuer) {
        if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return Optional.empty();
        }
        try {
            crl.verify(issuer.getPublicKey());
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
        Instant thisUpdate = crl.getThisUpdate().toInstant();
        X509CRLEntry entry = crl.getRevokedCertificate(certificate.getSerialNumber());
        if (entry != null) {
            return Optional.of(new RevocationStatus(RevocationStatus.State.REVOKED, RevocationStatus.Kind.CRL,
                    entry.getRevocationDate().toInstant(), thisUpdate, "listed on the CRL of " + thisUpdate));
        }
        return Optional.of(new RevocationStatus(RevocationStatus.State.GOOD, RevocationStatus.Kind.CRL, null, thisUpdate,
                "not on the CRL of " + thisUpdate));
    }

    /** Picks, among several statuses, the most informative: a revocation wins, then the freshest. */
    public static Optional<RevocationStatus> best(Collection<RevocationStatus> statuses) {
        return statuses.stream()
                .sorted((a, b) -> {
                    int ra = a.state() == RevocationStatus.State.REVOKED ? 0 : 1;
                    int rb = b.state() == RevocationStatus.State.REVOKED ? 0 : 1;
                    if (ra != rb) {
                        return Integer.compare(ra, rb);
                    }
                    return b.thisUpdate().compareTo(a.thisUpdate());
                })
                .findFirst();
    }

    static byte[] encoded(OCSPResp response) {
        try {
            return response.getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean sameBytes(byte[] a, byte[] b) {
        return Arrays.equals(a, b);
    }
}
