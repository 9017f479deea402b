package dev.agentlocator.notification.inbox;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One alert in the user's notification centre. */
record Notification(
        UUID id,
        String type,
        String title,
        String message,
        UUID taskId,
        UUID customerId,
        String customerName,
        String customerPhone,
        OffsetDateTime dueAt,
        OffsetDateTime createdAt,
        OffsetDateTime readAt,
        boolean read) {}
