package dev.agentlocator.timeline.stats;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The dashboard's daily counters ({@code stats_daily}) and the state of each task ({@code stats_task}). */
@Repository
class StatsRepository {

    private final JdbcClient jdbc;

    StatsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One row of the daily counters. */
    record DailyCount(LocalDate day, String metric, String dimension, long value) {}

    /** Open tasks, and how many of them are past their due time. */
    record TaskSnapshot(long open, long overdue) {}

    void add(UUID tenant, LocalDate day, String metric, String dimension, long delta) {
        jdbc.sql("""
                        insert into stats_daily (tenant_id, day, metric, dimension, value)
                        values (?, ?, ?, ?, ?)
                        on conflict (tenant_id, day, metric, dimension)
                        do update set value = stats_daily.value + excluded.value
                        """).params(tenant, day, metric, dimension, delta).update();
    }

    /** The newest state wins even if an older one comes later (a rebuild racing a live consumer). */
    void saveTask(UUID tenant, UUID taskId, Instant dueAt, boolean done, Instant updatedAt) {
        jdbc.sql("""
                        insert into stats_task (tenant_id, task_id, due_at, done, updated_at)
                        values (:tenant, :task, :due, :done, :at)
                        on conflict (tenant_id, task_id) do update
                           set due_at = coalesce(excluded.due_at, stats_task.due_at),
                               done = excluded.done,
                               updated_at = excluded.updated_at
                         where stats_task.updated_at <= excluded.updated_at
                        """)
                .param("tenant", tenant)
                .param("task", taskId)
                .param("due", dueAt == null ? null : Timestamp.from(dueAt))
                .param("done", done)
                .param("at", Timestamp.from(updatedAt))
                .update();
    }

    List<DailyCount> daily(UUID tenant, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select day, metric, dimension, value from stats_daily
                         where tenant_id = ? and day between ? and ?
                        """)
                .params(tenant, from, to)
                .query((rs, n) -> new DailyCount(
                        rs.getObject("day", LocalDate.class),
                        rs.getString("metric"),
                        rs.getString("dimension"),
                        rs.getLong("value")))
                .list();
    }

    TaskSnapshot taskSnapshot(UUID tenant) {
        return jdbc.sql("""
                        select count(*) as open, count(*) filter (where due_at < now()) as overdue
                          from stats_task where tenant_id = ? and not done
                        """)
                .param(tenant)
                .query((rs, n) -> new TaskSnapshot(rs.getLong("open"), rs.getLong("overdue")))
                .single();
    }
}
