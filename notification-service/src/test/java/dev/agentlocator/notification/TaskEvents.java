package dev.agentlocator.notification;

import dev.agentlocator.platform.events.EventEnvelope;
import dev.agentlocator.platform.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Publishes task.due events the way tasks-service's outbox relay does (same headers, same key). */
public final class TaskEvents {

    public record Sent(EventEnvelope event, RecordMetadata metadata) {}

    public static Sent due(
            KafkaTemplate<String, String> kafka,
            JsonMapper json,
            UUID tenantId,
            UUID assigneeId,
            UUID customerId,
            String title)
            throws Exception {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("taskId", UUID.randomUUID().toString());
        payload.put("title", title);
        payload.put("status", "open");
        payload.put("assigneeId", assigneeId.toString());
        payload.put("dueAt", OffsetDateTime.now().toString());
        payload.put("customerName", "דנה כהן");
        payload.put("customerPhone", "+972501234567");
        var event = EventEnvelope.create("task.due", tenantId, customerId, "test-" + UUID.randomUUID(), payload);
        var record = new ProducerRecord<>(Topics.TASKS_TASK, event.partitionKey(), json.writeValueAsString(event));
        record.headers().add("eventType", "task.due".getBytes(StandardCharsets.UTF_8));
        record.headers().add("eventId", event.id().toString().getBytes(StandardCharsets.UTF_8));
        return new Sent(event, kafka.send(record).get().getRecordMetadata());
    }

    private TaskEvents() {}
}
