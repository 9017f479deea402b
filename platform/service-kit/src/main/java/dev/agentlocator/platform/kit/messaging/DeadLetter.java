package dev.agentlocator.platform.kit.messaging;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A record one of this service's consumer groups gave up on, as it sits in the group's dead-letter
 * topic ({@code topic}, {@code partition}, {@code offset} name it).
 *
 * @param group the consumer group (the service, or the listener with a group of its own)
 * @param exception the class of the exception that made the handler fail
 * @param outcome {@code pending}, {@code replayed} or {@code dismissed}
 * @param handledAt when it was replayed or dismissed; null while pending
 */
public record DeadLetter(
        String topic,
        int partition,
        long offset,
        String originalTopic,
        Integer originalPartition,
        Long originalOffset,
        String group,
        String key,
        UUID eventId,
        String eventType,
        String exception,
        String exceptionMessage,
        OffsetDateTime deadLetteredAt,
        String outcome,
        OffsetDateTime handledAt) {

    static final String PENDING = "pending";
    static final String REPLAYED = "replayed";
    static final String DISMISSED = "dismissed";

    boolean pending() {
        return PENDING.equals(outcome);
    }
}
