package vn.ccn.dms.pades.signing;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import vn.ccn.dms.pades.revocation.RevocationSource;
import vn.ccn.dms.pades.tsp.TimestampSource;

/**
 * Site configuration of the signing engine: where time comes from and in which zone it is shown, the TSA
 * (required for B-T and above), where revocation data comes from, and whether a signer whose revocation
 * status cannot be established may still sign (B-B/B-T only; B-LT always needs the data).
 *
 * @param zone the zone of /M and of the visible times; Vietnam is {@code Asia/Ho_Chi_Minh} (+07:00)
 */
public record SigningConfiguration(Clock clock, ZoneId zone, TimestampSource timestampSource,
        RevocationSource revocationSource, boolean requireRevocationStatusBeforeSigning) {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    public SigningConfiguration {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(revocationSource, "revocationSource");
    }

    public Optional<TimestampSource> timestamps() {
        return Optional.ofNullable(timestampSource);
    }
}
