package vn.ccn.dms.pades.crypto;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.x509.DigestInfo;

/**
 * Signs an already computed digest with the JCA "NONEwith…" primitives, which every provider we use offers
 * (SunPKCS11 maps them to CKM_RSA_PKCS and CKM_ECDSA). For RSA the digest is first wrapped in a DER
 * DigestInfo, as EMSA-PKCS1-v1_5 requires (RFC 8017 §9.2).
 */
final class RawDigestSignature {

    private RawDigestSignature() {
    }

    static byte[] sign(PrivateKey key, Provider provider, KeyType keyType, Digest digest)
            throws GeneralSecurityException {
        SignatureAlgorithm algorithm = new SignatureAlgorithm(keyType, digest.algorithm());
        Signature signature = provider == null
                ? Signature.getInstance(algorithm.rawJcaName())
                : Signature.getInstance(algorithm.rawJcaName(), provider);
        signature.initSign(key);
        signature.update(keyType == KeyType.RSA ? digestInfo(digest) : digest.value());
        return signature.sign();
    }

    static byte[] digestInfo(Digest digest) {
        try {
            return new DigestInfo(digest.algorithm().digestInfoAlgorithmIdentifier(), digest.value())
                    .getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
