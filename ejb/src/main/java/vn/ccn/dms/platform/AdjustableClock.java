package vn.ccn.dms.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The system clock shifted by an offset that an administrator may move forward, so that a test environment
 * can let deadlines pass without waiting days (deemed consent, late notices). Only installed when
 * {@code dms.clock.adjustable=true}; production runs on the plain system clock. The offset is per node.
 */
public final class AdjustableClock extends Clock implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final Clock base;
    private final AtomicReference<Duration> offset;

    public AdjustableClock(Clock base) {
        this(base, new AtomicReference<>(Duration.ZERO));
    }

    private AdjustableClock(Clock base, AtomicReference<Duration> offset) {
        this.base = Objects.requireNonNull(base, "base");
        this.offset = offset;
    }

    /** Moves the clock so that it reads {@code target} now; returns the new offset. */
    public Duration setNow(Instant target) {
        Duration d = Duration.between(base.instant(), Objects.requireNonNull(target, "target"));
        offset.set(d);
        return d;
    }

    public void reset() {
        offset.set(Duration.ZERO);
    }

    public Duration offset() {
        return offset.get();
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new AdjustableClock(base.withZone(zone), offset);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }
}
