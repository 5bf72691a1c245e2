package vn.ccn.dms.pades.crypto;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A digest value and the algorithm that produced it: what goes out to a {@link Signer}.
 */
public record Digest(DigestAlgorithm algorithm, byte[] value) {

    public Digest {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(value, "value");
        value = value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Digest d && d.algorithm == algorithm && Arrays.equals(d.value, value);
    }

    @Override
    public int hashCode() {
        return 31 * algorithm.hashCode() + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return algorithm + ":" + HexFormat.of().formatHex(value);
    }
}
