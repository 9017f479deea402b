package dev.agentlocator.notification.inbox;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One alert in the user's notification centre.
 *
 * @param link the client path it opens; null on alerts stored before links existed
 * @param priority low, normal or high
 */
record Notification(
        UUID id,
        String type,
        String title,
        String message,
        String body,
        String link,
        String priority,
        UUID taskId,
        UUID customerId,
        String customerName,
        String customerPhone,
        OffsetDateTime dueAt,
        OffsetDateTime createdAt,
        OffsetDateTime readAt,
        boolean read) {}
