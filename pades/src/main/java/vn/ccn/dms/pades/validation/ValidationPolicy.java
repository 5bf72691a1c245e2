package vn.ccn.dms.pades.validation;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import vn.ccn.dms.pades.revocation.RevocationSource;

/**
 * What the validator trusts and where it may look.
 *
 * @param trustAnchors root certificates (the national root CA in production, the test root in tests)
 * @param onlineRevocation consulted when the document carries no revocation data for a certificate;
 *     {@link RevocationSource#none()} validates offline
 * @param requireRevocation whether missing revocation data makes a signature INDETERMINATE (true per
 *     ETSI EN 319 102-1) or only a warning
 */
public record ValidationPolicy(List<X509Certificate> trustAnchors, RevocationSource onlineRevocation, boolean requireRevocation,
        Clock clock) {

    public ValidationPolicy {
        trustAnchors = List.copyOf(Objects.requireNonNull(trustAnchors, "trustAnchors"));
        Objects.requireNonNull(onlineRevocation, "onlineRevocation");
        Objects.requireNonNull(clock, "clock");
    }

    public static ValidationPolicy offline(List<X509Certificate> trustAnchors, Clock clock) {
        return new ValidationPolicy(trustAnchors, RevocationSource.none(), true, clock);
    }
}
