package dev.agentlocator.notification;

import dev.agentlocator.platform.events.EventEnvelope;
import dev.agentlocator.platform.events.EventType;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Publishes any typed event the way the producers' outbox relay does (topic, key, headers). */
public final class Events {

    public static <P extends Record> EventEnvelope event(
            EventType<P> type, UUID tenantId, UUID customerId, OffsetDateTime at, P payload) {
        return EventEnvelope.of(type, tenantId, customerId, at, "test-" + UUID.randomUUID(), payload);
    }

    public static EventEnvelope send(KafkaTemplate<String, String> kafka, JsonMapper json, EventEnvelope event)
            throws Exception {
        var type = dev.agentlocator.platform.events.EventTypes.of(event).orElseThrow();
        var record = new ProducerRecord<>(type.topic(), type.keyOf(event), json.writeValueAsString(event));
        record.headers().add("eventType", event.type().getBytes(StandardCharsets.UTF_8));
        record.headers().add("eventId", event.id().toString().getBytes(StandardCharsets.UTF_8));
        kafka.send(record).get();
        return event;
    }

    private Events() {}
}
