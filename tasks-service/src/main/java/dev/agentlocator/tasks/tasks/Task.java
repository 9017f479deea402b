package dev.agentlocator.tasks.tasks;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A task as the API shows it and as its events describe it; the customer's name and phone come
 * from the local read model of crm-service's customers.
 *
 * @param callId the call this task calls back (telephony's call id), when a call made it
 */
public record Task(
        UUID id,
        UUID tenantId,
        String title,
        String notes,
        UUID customerId,
        String customerName,
        String customerPhone,
        UUID assigneeId,
        OffsetDateTime dueAt,
        String channel,
        String priority,
        String status,
        OffsetDateTime completedAt,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        String callId) {

    public static final String DONE = "done";

    public boolean isDone() {
        return DONE.equals(status);
    }
}
