package dev.agentlocator.notification;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A notification a rule raised for one user. Its id is derived from the event, the recipient and
 * the kind ({@link #idOf}), so a redelivered event produces the same row and is stored once.
 *
 * @param link the client path the notification opens (deep link)
 * @param body the second line: who or what, or null
 */
public record NewNotification(
        UUID id,
        UUID tenantId,
        UUID userId,
        NotificationKind kind,
        String title,
        String body,
        String link,
        Priority priority,
        UUID customerId,
        String customerName,
        String customerPhone,
        UUID taskId,
        OffsetDateTime dueAt,
        OffsetDateTime createdAt) {

    public enum Priority {
        LOW,
        NORMAL,
        HIGH;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static UUID idOf(UUID eventId, UUID userId, NotificationKind kind) {
        return UUID.nameUUIDFromBytes(
                (eventId + "|" + userId + "|" + kind.wire()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The due alert as a notification: its id stays the event's, as before (ADR 0006). */
    public static NewNotification of(TaskDueAlert alert, OffsetDateTime createdAt) {
        return new NewNotification(
                alert.id(),
                alert.tenantId(),
                alert.assigneeId(),
                NotificationKind.TASK_DUE,
                alert.title(),
                alert.customerName(),
                alert.customerId() != null ? "/customers/" + alert.customerId() : "/tasks/" + alert.taskId(),
                Priority.HIGH,
                alert.customerId(),
                alert.customerName(),
                alert.customerPhone(),
                alert.taskId(),
                alert.dueAt(),
                createdAt);
    }
}
