package vn.ccn.dms.pades.crypto;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import vn.ccn.dms.pades.PadesErrorCode;
import vn.ccn.dms.pades.PadesException;

/**
 * A signer whose key is elsewhere: a remote signing service or a desktop signing agent. The digest goes out
 * through {@link RemoteDigestSigner}; the raw signature value comes back and is checked against the signing
 * certificate before it is used, so a wrong key or a corrupted answer is refused here rather than producing
 * an invalid PDF. (Services that answer with a whole CMS SignedData use
 * {@code PadesSigningService.completeWithCms} instead.)
 */
public final class ExternalSigner implements Signer {

    /** The outgoing call: sign this digest with the key of the certificate, return the raw value. */
    @FunctionalInterface
    public interface RemoteDigestSigner {
        byte[] signDigest(Digest digest, SignatureAlgorithm algorithm) throws Exception;
    }

    private final List<X509Certificate> chain;
    private final RemoteDigestSigner remote;
    private final KeyType keyType;

    public ExternalSigner(List<X509Certificate> chain, RemoteDigestSigner remote) {
        Objects.requireNonNull(chain, "chain");
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("empty certificate chain");
        }
        this.chain = List.copyOf(chain);
        this.remote = Objects.requireNonNull(remote, "remote");
        this.keyType = KeyPolicy.requireAcceptable(this.chain.get(0));
    }

    @Override
    public List<X509Certificate> certificateChain() {
        return chain;
    }

    @Override
    public SignatureValue sign(Digest digest) {
        SignatureAlgorithm algorithm = new SignatureAlgorithm(keyType, digest.algorithm());
        byte[] value;
        try {
            value = remote.signDigest(digest, algorithm);
        } catch (PadesException e) {
            throw e;
        } catch (Exception e) {
            throw new PadesException(PadesErrorCode.SIGNING_FAILED, "remote signer failed: " + e.getMessage(), e);
        }
        if (value == null || value.length == 0) {
            throw new PadesException(PadesErrorCode.EXTERNAL_SIGNATURE_INVALID, "empty answer from the remote signer");
        }
        if (!verifies(digest, value)) {
            throw new PadesException(PadesErrorCode.EXTERNAL_SIGNATURE_INVALID,
                    "the returned value does not verify with the signing certificate's key");
        }
        return new SignatureValue(algorithm, value);
    }

    private boolean verifies(Digest digest, byte[] value) {
        try {
            Signature s = Signature.getInstance(keyType == KeyType.RSA ? "NONEwithRSA" : "NONEwithECDSA");
            s.initVerify(chain.get(0).getPublicKey());
            s.update(keyType == KeyType.RSA ? RawDigestSignature.digestInfo(digest) : digest.value());
            return s.verify(value);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
