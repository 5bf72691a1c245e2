package vn.ccn.dms.pades.crypto;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Something that holds a private key and signs digests with it: a PKCS#12 keystore, a PKCS#11 token, or a
 * remote signing service. It receives the digest of the CMS signed attributes, never the document, so the
 * key never has to leave its container (the "sign the data to be signed" step of EU DSS).
 */
public interface Signer {

    /** The signing certificate first, then its issuers as far as the signer knows them. */
    List<X509Certificate> certificateChain();

    default X509Certificate signingCertificate() {
        return certificateChain().get(0);
    }

    /**
     * Signs a precomputed digest.
     *
     * @throws vn.ccn.dms.pades.PadesException with {@code WRONG_PIN}, {@code TOKEN_UNAVAILABLE} or
     *     {@code SIGNING_FAILED}
     */
    SignatureValue sign(Digest digest);
}
