package vn.ccn.dms.pades.tsp;

import java.util.List;
import java.util.Objects;
import org.bouncycastle.tsp.TimeStampToken;
import vn.ccn.dms.pades.PadesErrorCode;
import vn.ccn.dms.pades.PadesException;
import vn.ccn.dms.pades.crypto.Digest;

/**
 * Tries configured TSAs in order and uses the first that answers. Only an administrator's explicit list
 * enables this; when every TSA fails the signature is refused, never produced at a lower level.
 */
public final class FallbackTimestampSource implements TimestampSource {

    private final List<TimestampSource> sources;

    public FallbackTimestampSource(List<TimestampSource> sources) {
        Objects.requireNonNull(sources, "sources");
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("no TSA configured");
        }
        this.sources = List.copyOf(sources);
    }

    @Override
    public TimeStampToken timestamp(Digest digest) {
        PadesException last = null;
        StringBuilder tried = new StringBuilder();
        for (TimestampSource source : sources) {
            try {
                return source.timestamp(digest);
            } catch (PadesException e) {
                last = e;
                tried.append(source).append(": ").append(e.technicalDetail()).append("; ");
            }
        }
        throw new PadesException(PadesErrorCode.TSA_UNREACHABLE, "every configured TSA failed: " + tried, last);
    }
}
