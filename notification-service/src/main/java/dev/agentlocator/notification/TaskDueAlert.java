package dev.agentlocator.notification;

import dev.agentlocator.platform.events.EventEnvelope;
import dev.agentlocator.platform.events.TaskEvent;
import dev.agentlocator.platform.kit.messaging.PoisonEventException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * A {@link TaskEvent#DUE} event, read once for every way it is delivered
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

    public static final String MESSAGE_TYPE = "task:due";

    /**
     * @param event a {@link TaskEvent#DUE}
     * @throws PoisonEventException when the payload lacks what an alert needs
     */
    public static TaskDueAlert from(EventEnvelope event) {
        TaskEvent.Payload payload = event.payload(TaskEvent.DUE);
        try {
            return new TaskDueAlert(
                    event.id(),
                    event.tenantId(),
                    UUID.fromString(text(payload.assigneeId())),
                    UUID.fromString(text(payload.taskId())),
                    text(payload.title()),
                    event.customerId(),
                    optional(payload.customerName()),
                    optional(payload.customerPhone()),
                    payload.dueAt() != null ? OffsetDateTime.parse(payload.dueAt()) : null);
        } catch (IllegalArgumentException | NullPointerException | DateTimeParseException e) {
            throw new PoisonEventException("task.due " + event.id() + " lacks a task, title or assignee", e);
        }
    }

    private static String text(String value) {
        if (value != null && !value.isBlank()) {
            return value;
        }
        throw new IllegalArgumentException("missing field");
    }

    private static String optional(String value) {
        return value != null && !value.isBlank() ? value : null;
    }
}
