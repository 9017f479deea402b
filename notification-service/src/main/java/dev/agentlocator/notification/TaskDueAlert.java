package dev.agentlocator.notification;

import dev.agentlocator.platform.events.EventEnvelope;
import dev.agentlocator.platform.kit.messaging.PoisonEventException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * A {@code task.due} event of {@code tasks.task.v1}, read once for every way it is delivered
 * (socket, inbox, Web Push). Its id is the event's id.
 */
public record TaskDueAlert(
        UUID id,
        UUID tenantId,
        UUID assigneeId,
        UUID taskId,
        String title,
        UUID customerId,
        String customerName,
        String customerPhone,
        OffsetDateTime dueAt) {

    public static final String EVENT_TYPE = "task.due";
    public static final String MESSAGE_TYPE = "task:due";

    /** @throws PoisonEventException when the payload lacks what an alert needs */
    public static TaskDueAlert from(EventEnvelope event) {
        var payload = event.payload();
        try {
            return new TaskDueAlert(
                    event.id(),
                    event.tenantId(),
                    UUID.fromString(text(payload.get("assigneeId"))),
                    UUID.fromString(text(payload.get("taskId"))),
                    text(payload.get("title")),
                    event.customerId(),
                    optional(payload.get("customerName")),
                    optional(payload.get("customerPhone")),
                    payload.get("dueAt") instanceof String due ? OffsetDateTime.parse(due) : null);
        } catch (IllegalArgumentException | NullPointerException | DateTimeParseException e) {
            throw new PoisonEventException("task.due " + event.id() + " lacks a task, title or assignee", e);
        }
    }

    private static String text(Object value) {
        if (value instanceof String s && !s.isBlank()) {
            return s;
        }
        throw new IllegalArgumentException("missing field");
    }

    private static String optional(Object value) {
        return value instanceof String s && !s.isBlank() ? s : null;
    }
}
