package dev.agentlocator.telephony.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Development only (TELEPHONY_DEV_TOOLS): the system clock plus an offset a developer or a browser
 * test moves forward, to see what a day later looks like (WhatsApp's 24-hour window) without
 * waiting. Never in production: the service refuses to start with it there.
 */
public final class ShiftableClock extends Clock {

    private final Clock system = Clock.systemUTC();
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public Duration advance(Duration by) {
        return offset.accumulateAndGet(by, Duration::plus);
    }

    public Duration offset() {
        return offset.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return system.instant().plus(offset.get());
    }
}
