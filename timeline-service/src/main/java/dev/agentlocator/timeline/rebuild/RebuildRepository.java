package dev.agentlocator.timeline.rebuild;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one row of {@code projection_rebuild}: the lease that lets one instance rebuild, and the
 * progress every instance reports. Times are the database's, so instances with skewed clocks agree.
 */
@Repository
class RebuildRepository {

    private static final TypeReference<Map<String, Long>> LAG = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    RebuildRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Takes the lease for {@code runId} unless a rebuild is running with a live heartbeat; false when
     * one is. Resets the counters.
     */
    boolean claim(UUID runId, String instance, Duration lease) {
        return jdbc.sql("""
                        update projection_rebuild
                           set state = 'running', run_id = :run, instance = :instance, started_at = now(),
                               finished_at = null, heartbeat_at = now(), events_read = 0, events_applied = 0,
                               events_skipped = 0, events_failed = 0, lag_by_topic = '{}', error = null
                         where id = 1
                           and (state <> 'running' or heartbeat_at < now() - make_interval(secs => :lease))
                        """)
                        .param("run", runId)
                        .param("instance", instance)
                        .param("lease", (double) lease.toMillis() / 1000)
                        .update()
                == 1;
    }

    /** Records progress and renews the lease; false when {@code runId} no longer holds it. */
    boolean progress(UUID runId, Counts counts, Map<String, Long> lag) {
        return jdbc.sql("""
                        update projection_rebuild
                           set heartbeat_at = now(), events_read = :read, events_applied = :applied,
                               events_skipped = :skipped, events_failed = :failed, lag_by_topic = :lag
                         where id = 1 and run_id = :run and state = 'running'
                        """)
                        .param("run", runId)
                        .param("read", counts.read())
                        .param("applied", counts.applied())
                        .param("skipped", counts.skipped())
                        .param("failed", counts.failed())
                        .param("lag", json.writeValueAsString(lag))
                        .update()
                == 1;
    }

    /** Ends the run of {@code runId}, if it still holds the lease. */
    void finish(UUID runId, String state, Counts counts, Map<String, Long> lag, String error) {
        jdbc.sql("""
                        update projection_rebuild
                           set state = :state, finished_at = now(), heartbeat_at = now(), events_read = :read,
                               events_applied = :applied, events_skipped = :skipped, events_failed = :failed,
                               lag_by_topic = :lag, error = :error
                         where id = 1 and run_id = :run and state = 'running'
                        """)
                .param("run", runId)
                .param("state", state)
                .param("read", counts.read())
                .param("applied", counts.applied())
                .param("skipped", counts.skipped())
                .param("failed", counts.failed())
                .param("lag", json.writeValueAsString(lag))
                .param("error", error)
                .update();
    }

    /** The state as any instance reports it: a running rebuild whose lease lapsed has failed. */
    RebuildStatus current(Duration lease) {
        return jdbc.sql("""
                        select state, instance, started_at, finished_at, heartbeat_at, events_read, events_applied,
                               events_skipped, events_failed, lag_by_topic, error,
                               state = 'running' and heartbeat_at < now() - make_interval(secs => :lease) as lapsed
                          from projection_rebuild where id = 1
                        """)
                .param("lease", (double) lease.toMillis() / 1000)
                .query((rs, n) -> {
                    boolean lapsed = rs.getBoolean("lapsed");
                    OffsetDateTime heartbeat = rs.getObject("heartbeat_at", OffsetDateTime.class);
                    return new RebuildStatus(
                            lapsed ? "failed" : rs.getString("state"),
                            rs.getString("instance"),
                            rs.getLong("events_read"),
                            rs.getLong("events_applied"),
                            rs.getLong("events_skipped"),
                            rs.getLong("events_failed"),
                            rs.getObject("started_at", OffsetDateTime.class),
                            lapsed ? heartbeat : rs.getObject("finished_at", OffsetDateTime.class),
                            heartbeat,
                            json.readValue(rs.getString("lag_by_topic"), LAG),
                            lapsed
                                    ? "the instance running the rebuild stopped reporting progress (last at "
                                            + heartbeat + "); start it again"
                                    : rs.getString("error"));
                })
                .single();
    }

    record Counts(long read, long applied, long skipped, long failed) {}
}
