package dev.agentlocator.platform.kit.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param batchSize events published per round
 * @param idlePoll how often the relay looks for work nobody told it about (e.g. rows left by a
 *     crashed instance); committed writes wake it at once
 * @param maxBackoff the longest wait between attempts while Kafka is unreachable
 * @param sendTimeout how long one round waits for Kafka's acknowledgements
 * @param retention how long published rows are kept for inspection before they are deleted
 */
@ConfigurationProperties("agentlocator.outbox")
public record OutboxProperties(
        @DefaultValue("true") boolean relayEnabled,
        @DefaultValue("200") int batchSize,
        @DefaultValue("500ms") Duration idlePoll,
        @DefaultValue("5s") Duration maxBackoff,
        @DefaultValue("15s") Duration sendTimeout,
        @DefaultValue("3d") Duration retention) {}
