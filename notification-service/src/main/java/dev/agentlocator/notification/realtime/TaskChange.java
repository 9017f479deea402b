package dev.agentlocator.notification.realtime;

import dev.agentlocator.notification.TaskDueAlert;
import dev.agentlocator.platform.events.EventEnvelope;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What any event of {@code tasks.task.v1} says about its task now: every task event carries the
 * task's status, assignee and due time (tasks-service {@code TaskEvents}).
 *
 * @param dueAt null when the task has none
 */
record TaskChange(UUID taskId, String status, UUID assigneeId, OffsetDateTime dueAt) {

    static final String DONE = "done";

    /** Empty for an event that names no task or says nothing readable about it. */
    static Optional<TaskChange> of(EventEnvelope event) {
        try {
            var payload = event.payload();
            if (!(payload.get("taskId") instanceof String taskId)) {
                return Optional.empty();
            }
            return Optional.of(new TaskChange(
                    UUID.fromString(taskId),
                    payload.get("status") instanceof String status ? status : null,
                    payload.get("assigneeId") instanceof String assignee ? UUID.fromString(assignee) : null,
                    payload.get("dueAt") instanceof String due ? OffsetDateTime.parse(due) : null));
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
