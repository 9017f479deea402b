package dev.agentlocator.timeline.rebuild;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * Progress of the projection rebuild, as stored in the database: every instance answers the same.
 *
 * @param state {@code idle}, {@code running}, {@code finished} or {@code failed} (also a rebuild
 *     whose instance stopped reporting progress for longer than the lease)
 * @param instance the instance that runs or ran it
 * @param eventsRead records replayed so far
 * @param eventsApplied events that changed the projection
 * @param eventsSkipped unknown types, records that are not envelopes, and events already applied
 *     by another instance during the rebuild
 * @param eventsFailed events whose handler failed during the replay (they are logged)
 * @param heartbeatAt when the running instance last reported progress
 * @param lagByTopic records left to replay per topic, up to the end offsets seen at the start
 * @param error why the rebuild failed, when it did
 */
record RebuildStatus(
        String state,
        String instance,
        long eventsRead,
        long eventsApplied,
        long eventsSkipped,
        long eventsFailed,
        OffsetDateTime startedAt,
        OffsetDateTime finishedAt,
        OffsetDateTime heartbeatAt,
        Map<String, Long> lagByTopic,
        String error) {}
