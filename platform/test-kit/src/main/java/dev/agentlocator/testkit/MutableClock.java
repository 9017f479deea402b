package dev.agentlocator.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A service's clock in tests: it stands still until a test moves it, so a test decides the date
 * (thresholds and ranges change by date) and the passage of time (back-off, expiry) and never reads
 * the wall clock. Import {@link Configuration} to make it the application's {@link Clock} bean.
 */
public final class MutableClock extends Clock {

    /** 10:00 in Israel on a weekday (a Monday) after the 5,000 ₪ allocation threshold came into force. */
    public static final Instant DEFAULT = Instant.parse("2026-11-16T08:00:00Z");

    private final AtomicReference<Instant> now;

    public MutableClock() {
        this(DEFAULT);
    }

    public MutableClock(Instant start) {
        now = new AtomicReference<>(start);
    }

    public void set(Instant instant) {
        now.set(instant);
    }

    public void advance(Duration duration) {
        now.updateAndGet(i -> i.plus(duration));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    /** The clock as the service's {@link Clock} bean, starting at {@link #DEFAULT}. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock();
        }
    }
}
