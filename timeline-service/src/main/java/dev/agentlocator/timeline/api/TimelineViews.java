package dev.agentlocator.timeline.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Response bodies of the timeline API. */
final class TimelineViews {

    /**
     * @param reference the source record's id in its service (call sid, task id, ...)
     * @param link the source's page in the SPA
     */
    record TimelineItem(
            UUID id,
            String kind,
            String type,
            OffsetDateTime occurredAt,
            String title,
            JsonNode details,
            String reference,
            String link) {}

    /**
     * @param limit the page size actually applied (requests above the cap are lowered)
     * @param nextCursor pass as {@code before} for the next older page; {@code null} on the last
     */
    record TimelinePage(List<TimelineItem> items, String nextCursor, int limit) {}

    private TimelineViews() {}
}
