package dev.agentlocator.platform.kit.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param batchSize events published per round
 * @param idlePoll how often the relay looks for work nobody told it about (e.g. rows left by a
 *     crashed instance, or rows whose retry time came); committed writes wake it at once
 * @param maxBackoff the longest wait before a failed row is tried again, and between rounds while
 *     Kafka is unreachable
 * @param sendTimeout how long one round waits for Kafka's acknowledgements
 * @param retention how long published rows are kept for inspection before they are deleted
 * @param maxAttempts attempts after which a row Kafka refuses outright (too large, invalid) is
 *     parked; rows that fail for reasons that pass (Kafka unreachable) are never parked
 */
@ConfigurationProperties("agentlocator.outbox")
public record OutboxProperties(
        @DefaultValue("true") boolean relayEnabled,
        @DefaultValue("200") int batchSize,
        @DefaultValue("500ms") Duration idlePoll,
        @DefaultValue("5s") Duration maxBackoff,
        @DefaultValue("15s") Duration sendTimeout,
        @DefaultValue("3d") Duration retention,
        @DefaultValue("3") int maxAttempts) {}
