package vn.ccn.dms.pades.crypto;

import java.util.Arrays;
import java.util.Objects;

/**
 * A raw signature value (PKCS#1 v1.5 block for RSA, DER-encoded (r, s) for ECDSA) and its algorithm.
 */
public record SignatureValue(SignatureAlgorithm algorithm, byte[] value) {

    public SignatureValue {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(value, "value");
        if (value.length == 0) {
            throw new IllegalArgumentException("empty signature value");
        }
        value = value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignatureValue s && s.algorithm.equals(algorithm) && Arrays.equals(s.value, value);
    }

    @Override
    public int hashCode() {
        return 31 * algorithm.hashCode() + Arrays.hashCode(value);
    }
}
