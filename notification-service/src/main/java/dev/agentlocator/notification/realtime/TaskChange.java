package dev.agentlocator.notification.realtime;

import dev.agentlocator.notification.TaskDueAlert;
import dev.agentlocator.platform.events.EventEnvelope;
import dev.agentlocator.platform.events.TaskEvent;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What any {@link TaskEvent} says about its task now: every task event carries the task's
 * status, assignee and due time.
 *
 * @param dueAt null when the task has none
 */
record TaskChange(UUID taskId, String status, UUID assigneeId, OffsetDateTime dueAt) {

    static final String DONE = "done";

    /** Empty for an event that is no task event, names no task or says nothing readable about it. */
    static Optional<TaskChange> of(EventEnvelope event) {
        Optional<TaskEvent> type = TaskEvent.of(event);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        TaskEvent.Payload payload = event.payload(type.get());
        if (payload.taskId() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TaskChange(
                    UUID.fromString(payload.taskId()),
                    payload.status(),
                    payload.assigneeId() != null ? UUID.fromString(payload.assigneeId()) : null,
                    payload.dueAt() != null ? OffsetDateTime.parse(payload.dueAt()) : null));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Whether the alert still stands once the task is like this: open, same assignee, same due time. */
    boolean keepsDue(TaskDueAlert alert) {
        return !DONE.equals(status)
                && Objects.equals(assigneeId, alert.assigneeId())
                && dueAt != null
                && alert.dueAt() != null
                && dueAt.isEqual(alert.dueAt());
    }
}
