package dev.agentlocator.platform.kit.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox's backlog as the alerting rules see it (docs/operations.md, "Metrics the suite
 * defines"): how long the oldest event has been waiting to go out, and how many were parked. Both
 * are asked of the database at each scrape, so every instance of a service reports the same,
 * current figures and a dashboard takes their {@code max}.
 */
public final class OutboxGauges {

    static final String OLDEST_UNPUBLISHED_AGE = "agentlocator.outbox.oldest.unpublished.age";
    static final String PARKED = "agentlocator.outbox.parked.events";

    private final JdbcClient jdbc;
    private final Clock clock;

    public OutboxGauges(JdbcClient jdbc, ParkedEvents parked, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.clock = clock;
        Gauge.builder(
                        OLDEST_UNPUBLISHED_AGE,
                        this,
                        gauges -> gauges.oldestUnpublishedAge().toMillis() / 1000.0)
                .baseUnit("seconds")
                .description("how long the oldest unpublished, unparked outbox event has waited (0 when none)")
                .register(meters);
        Gauge.builder(PARKED, parked, ParkedEvents::count)
                .description("outbox events parked because Kafka refused them")
                .register(meters);
    }

    /** Zero when nothing waits; never negative, even if the database's clock runs ahead of ours. */
    public Duration oldestUnpublishedAge() {
        return jdbc.sql("select min(created_at) from outbox_event where published_at is null and parked_at is null")
                .query(OffsetDateTime.class)
                .optional()
                .map(oldest -> Duration.between(oldest.toInstant(), clock.instant()))
                .filter(age -> !age.isNegative())
                .orElse(Duration.ZERO);
    }
}
