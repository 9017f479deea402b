package dev.agentlocator.platform.kit.outbox;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An outbox row the relay parked because Kafka refused the record itself.
 *
 * @param envelopeBytes the size of the stored envelope (a record over Kafka's limit shows here)
 * @param envelopeStart the envelope's first characters, enough to tell which change it describes
 */
public record ParkedEvent(
        UUID id,
        long seq,
        String topic,
        String eventType,
        String key,
        UUID tenantId,
        int attempts,
        OffsetDateTime createdAt,
        OffsetDateTime parkedAt,
        String reason,
        int envelopeBytes,
        String envelopeStart) {}
