package dev.agentlocator.tasks.tasks;

import dev.agentlocator.platform.events.EventEnvelope;
import dev.agentlocator.platform.events.Topics;
import dev.agentlocator.platform.kit.logging.Correlation;
import dev.agentlocator.platform.kit.outbox.Outbox;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The events of {@code tasks.task.v1}, written to the outbox in the transaction of the change.
 * Payload: taskId, title, status, assigneeId, channel, priority and, when set, dueAt,
 * customerName, customerPhone; the envelope's customerId is the task's customer.
 */
@Component
public class TaskEvents {

    public static final String CREATED = "task.created";
    public static final String UPDATED = "task.updated";
    public static final String SNOOZED = "task.snoozed";
    public static final String COMPLETED = "task.completed";
    public static final String DUE = "task.due";

    private final Outbox outbox;

    TaskEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void append(String type, Task task) {
        append(type, task, Map.of());
    }

    void append(String type, Task task, Map<String, Object> extra) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("taskId", task.id().toString());
        payload.put("title", task.title());
        payload.put("status", task.status());
        payload.put("assigneeId", task.assigneeId().toString());
        payload.put("channel", task.channel());
        payload.put("priority", task.priority());
        // Absent means "none": the envelope's payload holds no nulls.
        if (task.dueAt() != null) {
            payload.put("dueAt", task.dueAt().toString());
        }
        if (task.customerName() != null) {
            payload.put("customerName", task.customerName());
        }
        if (task.customerPhone() != null) {
            payload.put("customerPhone", task.customerPhone());
        }
        payload.putAll(extra);
        String correlation = Correlation.currentId();
        outbox.append(
                Topics.TASKS_TASK,
                EventEnvelope.create(
                        type,
                        task.tenantId(),
                        task.customerId(),
                        // a due alert has no request behind it: give it an id of its own to trace
                        correlation != null ? correlation : UUID.randomUUID().toString(),
                        payload));
    }
}
