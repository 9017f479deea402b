package dev.agentlocator.billing;

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
 * The service's clock in tests: it stands still until a test moves it, so a test decides the date
 * (thresholds change by date) and the passage of time (back-off, token expiry) and never reads the
 * wall clock. Import {@link Configuration} to put it in the application context.
 */
public final class MutableClock extends Clock {

    /** 10:00 in Israel on a weekday after the 5,000 ₪ threshold came into force. */
    public static final Instant DEFAULT = Instant.parse("2026-11-16T08:00:00Z");

    private final AtomicReference<Instant> now = new AtomicReference<>(DEFAULT);

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

    /** The clock as the service's {@link Clock} bean. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock();
        }
    }
}
