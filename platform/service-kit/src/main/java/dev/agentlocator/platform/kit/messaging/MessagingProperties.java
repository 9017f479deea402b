package dev.agentlocator.platform.kit.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the suite's consumers treat a record whose handler fails (ADR 0014).
 *
 * @param retry the back-off between attempts before a record is dead-lettered
 * @param deadLetterRetention how long Kafka keeps dead letters; an operator must have replayed or
 *     dismissed them by then
 * @param processedRetention how long a consumer remembers that it handled an event; longer than any
 *     way the event can come again (the topic's retention, the dead letters' retention)
 */
@ConfigurationProperties("agentlocator.messaging")
public record MessagingProperties(
        @DefaultValue Retry retry,
        @DefaultValue("30d") Duration deadLetterRetention,
        @DefaultValue("35d") Duration processedRetention) {

    /**
     * Exponential back-off: {@code initialInterval}, then times {@code multiplier}, at most
     * {@code maxInterval} apart, until the waits add up to {@code maxElapsed}. The defaults wait
     * 1, 2, 4, 8, 15, 15, 15 s: a database failover of up to a minute costs no record. Each attempt
     * itself may also wait for a database connection (Hikari's connection timeout), so the time
     * before a record is dead-lettered is at least {@code maxElapsed}.
     */
    public record Retry(
            @DefaultValue("1s") Duration initialInterval,
            @DefaultValue("2") double multiplier,
            @DefaultValue("15s") Duration maxInterval,
            @DefaultValue("60s") Duration maxElapsed) {}
}
