package dev.agentlocator.platform.events;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The one shape every event on every topic has. The payload stays a JSON object so that a consumer
 * can read envelopes of event types it does not know yet, skip them, and keep its partition moving.
 *
 * @param id unique per event; consumers use it to drop redeliveries
 * @param type dotted name, e.g. {@code task.due}
 * @param version schema version of the payload for this type
 * @param tenantId the business the event belongs to
 * @param customerId the customer the event is about, or {@code null}; it is the Kafka key
 * @param occurredAt when the state change committed in its source service
 * @param correlationId the request that caused it, carried into consumers' log lines
 * @param payload the type-specific body
 */
public record EventEnvelope(
        UUID id,
        String type,
        int version,
        UUID tenantId,
        UUID customerId,
        OffsetDateTime occurredAt,
        String correlationId,
        Map<String, Object> payload) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1");
        }
        payload = payload == null ? Map.of() : Map.copyOf(payload);
    }

    /** A new event of {@code type}, version 1, happening now. */
    public static EventEnvelope create(
            String type, UUID tenantId, UUID customerId, String correlationId, Map<String, Object> payload) {
        return new EventEnvelope(
                UUID.randomUUID(), type, 1, tenantId, customerId, OffsetDateTime.now(), correlationId, payload);
    }

    /**
     * The Kafka record key: the customer when there is one, so that one customer's events stay in
     * order on one partition; otherwise the tenant.
     */
    public String partitionKey() {
        return (customerId != null ? customerId : tenantId).toString();
    }
}
