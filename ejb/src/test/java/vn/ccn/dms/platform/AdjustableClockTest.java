package vn.ccn.dms.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class AdjustableClockTest {

    private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    @Test
    void readsTheBaseClockPlusTheOffsetAndResets() {
        Clock base = Clock.fixed(Instant.parse("2026-11-24T02:00:00Z"), VN);
        AdjustableClock clock = new AdjustableClock(base);
        assertEquals(base.instant(), clock.instant());
        Duration offset = clock.setNow(Instant.parse("2026-06-10T17:10:00Z"));
        assertEquals(Instant.parse("2026-06-10T17:10:00Z"), clock.instant());
        assertEquals(offset, clock.offset());
        assertEquals(VN, clock.getZone());
        assertEquals(Instant.parse("2026-06-10T17:10:00Z"), clock.withZone(ZoneId.of("UTC")).instant(),
                "a clock derived from it shares the offset");
        clock.reset();
        assertEquals(base.instant(), clock.instant());
    }
}
