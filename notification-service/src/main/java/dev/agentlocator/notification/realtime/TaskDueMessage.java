package dev.agentlocator.notification.realtime;

import dev.agentlocator.notification.TaskDueAlert;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The {@code task:due} message on {@code /user/queue/task-due}: what the full-screen modal shows. */
record TaskDueMessage(
        String type,
        UUID notificationId,
        UUID taskId,
        String title,
        UUID customerId,
        String customerName,
        String customerPhone,
        OffsetDateTime dueAt) {

    static TaskDueMessage of(TaskDueAlert alert) {
        return new TaskDueMessage(
                TaskDueAlert.MESSAGE_TYPE,
                alert.id(),
                alert.taskId(),
                alert.title(),
                alert.customerId(),
                alert.customerName(),
                alert.customerPhone(),
                alert.dueAt());
    }
}
