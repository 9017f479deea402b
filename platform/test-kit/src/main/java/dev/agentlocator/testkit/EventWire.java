package dev.agentlocator.testkit;

import dev.agentlocator.platform.events.EventEnvelope;
import dev.agentlocator.platform.events.EventSamples;
import dev.agentlocator.platform.events.EventType;
import dev.agentlocator.platform.events.EventTypes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link EventSamples} as Kafka record values, the way a producer one version ahead would send them:
 * every envelope and payload carries fields this build has never heard of. A consumer's contract
 * test reads each with its own reader, which must get the same result as from today's event
 * (docs/adr/0020-typed-event-contracts.md).
 */
public final class EventWire {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One sample record value. */
    public record Sample(EventType<?> type, EventEnvelope event, String value) {
        @Override
        public String toString() {
            return type.type() + " v" + type.version();
        }
    }

    /** Every type's sample, with fields added by a later version of its producer. */
    public static List<Sample> everyEvent() {
        return EventSamples.all().stream()
                .map(event -> new Sample(EventTypes.of(event).orElseThrow(), event, withFieldsFromTheFuture(event)))
                .toList();
    }

    /** A record of a type no consumer knows yet, on {@code topic}'s usual shape. */
    public static String unknownType(String type) {
        return JSON.writeValueAsString(new EventEnvelope(
                UUID.randomUUID(),
                type,
                1,
                EventSamples.TENANT,
                EventSamples.CUSTOMER,
                EventSamples.OCCURRED_AT,
                "future",
                Map.of("addedLater", true)));
    }

    /** {@code event} at the next version of its type: a breaking change a reader must skip. */
    public static String nextVersionOf(EventEnvelope event) {
        return JSON.writeValueAsString(new EventEnvelope(
                event.id(),
                event.type(),
                event.version() + 1,
                event.tenantId(),
                event.customerId(),
                event.occurredAt(),
                event.correlationId(),
                event.payload()));
    }

    private static String withFieldsFromTheFuture(EventEnvelope event) {
        Map<String, Object> payload = new LinkedHashMap<>(event.payload());
        payload.put("addedInALaterVersion", Map.of("nested", List.of(1, 2)));
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", event.id());
        envelope.put("type", event.type());
        envelope.put("version", event.version());
        envelope.put("tenantId", event.tenantId());
        envelope.put("customerId", event.customerId());
        envelope.put("occurredAt", event.occurredAt());
        envelope.put("correlationId", event.correlationId());
        envelope.put("payload", payload);
        envelope.put("producer", "a later version");
        return JSON.writeValueAsString(envelope);
    }

    private EventWire() {}
}
