package vn.ccn.dms.pades.tsp;

import org.bouncycastle.tsp.TimeStampToken;
import vn.ccn.dms.pades.crypto.Digest;

/** A time-stamping authority. */
public interface TimestampSource {

    /**
     * Obtains a time-stamp token over the digest. The token's message imprint is checked to equal the digest.
     *
     * @throws vn.ccn.dms.pades.PadesException {@code TSA_UNREACHABLE} or {@code TSA_INVALID_RESPONSE}
     */
    TimeStampToken timestamp(Digest digest);
}
