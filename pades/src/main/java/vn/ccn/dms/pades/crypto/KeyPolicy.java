package vn.ccn.dms.pades.crypto;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import vn.ccn.dms.pades.PadesErrorCode;
import vn.ccn.dms.pades.PadesException;

/**
 * Minimum key strengths. Decree 23/2025/NĐ-CP with its technical annex, like ETSI TS 119 312, accepts RSA
 * keys of at least 2048 bits and ECDSA keys of at least 256 bits; anything else (DSA, short RSA, small
 * curves) is refused before a signature is produced or reported as insufficient when validating.
 */
public final class KeyPolicy {

    public static final int MIN_RSA_BITS = 2048;
    public static final int MIN_EC_BITS = 256;

    private KeyPolicy() {
    }

    /** The key type of a certificate's public key, after checking its strength. */
    public static KeyType requireAcceptable(X509Certificate certificate) {
        return requireAcceptable(certificate.getPublicKey());
    }

    public static KeyType requireAcceptable(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            int bits = rsa.getModulus().bitLength();
            if (bits < MIN_RSA_BITS) {
                throw new PadesException(PadesErrorCode.WEAK_KEY, "RSA key of " + bits + " bits");
            }
            return KeyType.RSA;
        }
        if (key instanceof ECPublicKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            if (bits < MIN_EC_BITS) {
                throw new PadesException(PadesErrorCode.WEAK_KEY, "EC key on a " + bits + "-bit curve");
            }
            return KeyType.EC;
        }
        if ("RSA".equals(key.getAlgorithm())) {
            // Keys from some PKCS#11 providers are not RSAPublicKey instances; certificates always are,
            // so this path only serves keys read from a token, which are checked through their certificate.
            return KeyType.RSA;
        }
        if ("EC".equals(key.getAlgorithm())) {
            return KeyType.EC;
        }
        throw new PadesException(PadesErrorCode.WEAK_KEY, "unsupported key algorithm " + key.getAlgorithm());
    }

    /** True when the key is strong enough; never throws. */
    public static boolean isAcceptable(PublicKey key) {
        try {
            requireAcceptable(key);
            return true;
        } catch (PadesException e) {
            return false;
        }
    }
}
