package dev.agentlocator.timeline.projection;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One row of a customer's timeline, as mapped from one event.
 *
 * @param reference the id of the source record in its service (call sid, task id, invoice id...)
 * @param link where the SPA shows the source, or {@code null} when the event does not name it
 */
public record TimelineEntry(
        UUID eventId,
        UUID tenantId,
        UUID customerId,
        TimelineKind kind,
        String type,
        Instant occurredAt,
        String title,
        Map<String, Object> details,
        String reference,
        String link) {}
