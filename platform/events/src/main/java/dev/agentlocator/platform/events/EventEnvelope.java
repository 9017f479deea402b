package dev.agentlocator.platform.events;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The one shape every event on every topic has. The payload stays a JSON object so that a consumer
 * can read envelopes of event types it does not know yet, skip them, and keep its partition moving;
 * its fields are those of the type's payload record ({@link EventType}, {@link #of}, {@link
 * #payload(EventType)}).
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

    /** A new event of {@code type} with {@code payload}, happening now. */
    public static <P extends Record> EventEnvelope of(
            EventType<P> type, UUID tenantId, UUID customerId, String correlationId, P payload) {
        return of(type, tenantId, customerId, OffsetDateTime.now(), correlationId, payload);
    }

    /**
     * A new event of {@code type} with {@code payload}, which happened at {@code occurredAt}; the
     * payload's {@code null} components are left out (absent means none).
     */
    public static <P extends Record> EventEnvelope of(
            EventType<P> type,
            UUID tenantId,
            UUID customerId,
            OffsetDateTime occurredAt,
            String correlationId,
            P payload) {
        return new EventEnvelope(
                UUID.randomUUID(),
                type.type(),
                type.version(),
                tenantId,
                customerId,
                occurredAt,
                correlationId,
                Payloads.write(payload));
    }

    /**
     * The payload read as {@code type}'s record (see {@link EventType#payloadOf}).
     *
     * @throws IllegalArgumentException when this event is of another type or version
     */
    public <P extends Record> P payload(EventType<P> type) {
        return type.payloadOf(this);
    }

    /**
     * An untyped event of {@code type}, version 1, happening now: for tests and tools that need an
     * event outside the contract; services write theirs with {@link #of}.
     */
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
