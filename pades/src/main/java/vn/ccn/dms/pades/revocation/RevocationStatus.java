package vn.ccn.dms.pades.revocation;

import java.time.Instant;
import java.util.Objects;

/**
 * What one piece of revocation information says about one certificate.
 *
 * @param state GOOD, REVOKED or UNKNOWN (the responder does not know the certificate)
 * @param kind OCSP or CRL
 * @param revocationTime when revoked, else {@code null}
 * @param thisUpdate when the information was produced (OCSP thisUpdate / CRL thisUpdate)
 * @param detail English detail for logs and reports
 */
public record RevocationStatus(State state, Kind kind, Instant revocationTime, Instant thisUpdate, String detail) {

    public enum State { GOOD, REVOKED, UNKNOWN }

    public enum Kind { OCSP, CRL }

    public RevocationStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(thisUpdate, "thisUpdate");
        detail = detail == null ? "" : detail;
        if (state == State.REVOKED) {
            Objects.requireNonNull(revocationTime, "revocationTime");
        }
    }

    /** True when the certificate was revoked at or before the given time. */
    public boolean revokedAt(Instant time) {
        return state == State.REVOKED && !revocationTime.isAfter(time);
    }
}
