package dev.agentlocator.timeline;

import dev.agentlocator.platform.events.EventEnvelope;
import dev.agentlocator.platform.events.Topics;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Produces envelopes to the real topics the way the other services' outbox relays do: JSON value,
 * keyed by customer. Tests use it instead of calling the projection directly.
 */
public final class Events {

    private final KafkaTemplate<String, String> kafka;
    private final JsonMapper json;

    public Events(KafkaTemplate<String, String> kafka, JsonMapper json) {
        this.kafka = kafka;
        this.json = json;
    }

    public static EventEnvelope event(
            String type, UUID tenant, UUID customer, OffsetDateTime at, Map<String, Object> payload) {
        return new EventEnvelope(UUID.randomUUID(), type, 1, tenant, customer, at, "test-" + type, payload);
    }

    /** The topic a producing service puts {@code type} on, by its prefix. */
    public static String topicOf(String type) {
        String aggregate = type.substring(0, type.indexOf('.'));
        return switch (aggregate) {
            case "customer" -> Topics.CRM_CUSTOMER;
            case "call" -> Topics.TELEPHONY_CALL;
            case "whatsapp" -> Topics.TELEPHONY_WHATSAPP;
            case "task" -> Topics.TASKS_TASK;
            case "contract" -> Topics.BILLING_CONTRACT;
            case "invoice", "receipt" -> Topics.BILLING_INVOICE;
            default -> throw new IllegalArgumentException(type);
        };
    }

    public String value(EventEnvelope event) {
        return json.writeValueAsString(event);
    }

    /** Sends and waits for the broker's acknowledgement. */
    public void send(EventEnvelope event) {
        sendRaw(event, value(event));
    }

    public void sendRaw(EventEnvelope event, String value) {
        try {
            kafka.send(topicOf(event.type()), event.partitionKey(), value).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not produce " + event.type(), e);
        }
    }

    /** Sends many without waiting for each acknowledgement, then for all of them. */
    public void sendAll(List<EventEnvelope> events) {
        List<CompletableFuture<?>> acks = new ArrayList<>();
        for (EventEnvelope event : events) {
            acks.add(kafka.send(topicOf(event.type()), event.partitionKey(), value(event)));
        }
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();
    }
}
