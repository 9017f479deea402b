package dev.agentlocator.timeline.rebuild;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * Progress of the projection rebuild on this instance.
 *
 * @param state {@code idle}, {@code running}, {@code finished} or {@code failed}
 * @param eventsRead records replayed so far
 * @param eventsApplied events that changed the projection
 * @param eventsSkipped unknown types, records that are not envelopes, and events already applied
 *     by another instance during the rebuild
 * @param eventsFailed events whose handler failed during the replay (they are logged)
 * @param lagByTopic records left to replay per topic, up to the end offsets seen at the start
 * @param error why the rebuild failed, when it did
 */
record RebuildStatus(
        String state,
        long eventsRead,
        long eventsApplied,
        long eventsSkipped,
        long eventsFailed,
        OffsetDateTime startedAt,
        OffsetDateTime finishedAt,
        Map<String, Long> lagByTopic,
        String error) {

    static RebuildStatus idle() {
        return new RebuildStatus("idle", 0, 0, 0, 0, null, null, Map.of(), null);
    }
}
