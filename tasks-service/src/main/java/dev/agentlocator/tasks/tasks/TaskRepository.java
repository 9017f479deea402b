package dev.agentlocator.tasks.tasks;

import dev.agentlocator.platform.kit.paging.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * All SQL on tasks. Every API statement filters by tenant; the due scheduler's claim is the one
 * statement across tenants, and it only hands rows to {@code task.due} events of their own tenant.
 */
@Repository
public class TaskRepository {

    private static final String SELECT = """
            select t.id, t.tenant_id, t.title, t.notes, t.customer_id, c.name as customer_name,
                   c.phone as customer_phone, t.assignee_id, t.due_at, t.channel, t.priority, t.status,
                   t.completed_at, t.created_at, t.updated_at, t.call_id
            from task t
            left join customer c on c.tenant_id = t.tenant_id and c.id = t.customer_id
            """;

    /** Pending alarms: due, not fired for this due time, not done. */
    private static final String PENDING = "t.fired_at is null and t.status <> 'done' and t.due_at is not null";

    private final JdbcClient jdbc;

    TaskRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Task t) {
        jdbc.sql("""
                        insert into task (id, tenant_id, customer_id, assignee_id, title, notes, channel, priority,
                                          status, due_at, completed_at)
                        values (:id, :tenant, :customer, :assignee, :title, :notes, :channel, :priority,
                                :status, :dueAt, :completedAt)
                        """).params(params(t)).update();
    }

    /** A call's task; {@code false} when the call has one already. */
    boolean insertForCall(Task t) {
        return jdbc.sql("""
                                insert into task (id, tenant_id, customer_id, assignee_id, title, notes, channel, priority,
                                                  status, due_at, completed_at, call_id)
                                values (:id, :tenant, :customer, :assignee, :title, :notes, :channel, :priority,
                                        :status, :dueAt, :completedAt, :callId)
                                on conflict (tenant_id, call_id) where call_id is not null do nothing
                                """).params(params(t)).param("callId", t.callId()).update() == 1;
    }

    /**
     * Writes the task's fields; {@code rearm} clears {@code fired_at} so the (new) due time fires
     * again.
     */
    void update(Task t, boolean rearm) {
        jdbc.sql("""
                        update task set customer_id = :customer, assignee_id = :assignee, title = :title,
                            notes = :notes, channel = :channel, priority = :priority, status = :status,
                            due_at = :dueAt, completed_at = :completedAt, updated_at = now(),
                            fired_at = case when :rearm then null else fired_at end
                        where tenant_id = :tenant and id = :id
                        """).params(params(t)).param("rearm", rearm).update();
    }

    Optional<Task> find(UUID tenantId, UUID id) {
        return jdbc.sql(SELECT + " where t.tenant_id = ? and t.id = ?")
                .param(tenantId)
                .param(id)
                .query(TaskRepository::map)
                .optional();
    }

    /** Locks the row for the rest of the transaction, so a change and a due claim never interleave. */
    Optional<Task> findForUpdate(UUID tenantId, UUID id) {
        return jdbc.sql(SELECT + " where t.tenant_id = ? and t.id = ? for update of t")
                .param(tenantId)
                .param(id)
                .query(TaskRepository::map)
                .optional();
    }

    List<Task> list(UUID tenantId, TaskFilter filter, PageRequest page) {
        var where = where(tenantId, filter);
        return jdbc.sql(SELECT + " where " + where.sql()
                        + " order by t.due_at asc nulls last, t.created_at asc, t.id limit :limit offset :offset")
                .params(where.params())
                .param("limit", page.limit())
                .param("offset", page.offset())
                .query(TaskRepository::map)
                .list();
    }

    long count(UUID tenantId, TaskFilter filter) {
        var where = where(tenantId, filter);
        return jdbc.sql("select count(*) from task t where " + where.sql())
                .params(where.params())
                .query(Long.class)
                .single();
    }

    TaskSummary summary(
            UUID tenantId,
            UUID assigneeId,
            OffsetDateTime now,
            OffsetDateTime todayFrom,
            OffsetDateTime todayTo,
            OffsetDateTime weekFrom,
            OffsetDateTime weekTo) {
        var statement = jdbc.sql("""
                        select count(*) as open,
                               count(*) filter (where due_at < :now) as overdue,
                               count(*) filter (where due_at >= :todayFrom and due_at < :todayTo) as today,
                               count(*) filter (where due_at >= :weekFrom and due_at < :weekTo) as this_week
                        from task
                        where tenant_id = :tenant and status <> 'done'
                        """ + (assigneeId == null ? "" : " and assignee_id = :assignee"));
        if (assigneeId != null) {
            statement = statement.param("assignee", assigneeId);
        }
        return statement
                .param("tenant", tenantId)
                .param("now", now)
                .param("todayFrom", todayFrom)
                .param("todayTo", todayTo)
                .param("weekFrom", weekFrom)
                .param("weekTo", weekTo)
                .query((rs, i) -> new TaskSummary(
                        rs.getLong("open"), rs.getLong("overdue"), rs.getLong("today"), rs.getLong("this_week")))
                .single();
    }

    /**
     * Claims up to {@code limit} tasks whose due time has come and marks them fired, in the
     * caller's transaction. {@code skip locked} lets any number of scheduler instances claim side by
     * side: a row another instance holds is skipped, never fired twice.
     */
    public List<Task> claimDue(int limit) {
        List<Task> due = jdbc.sql(SELECT + " where " + PENDING
                        + " and t.due_at <= now() order by t.due_at limit ? for update of t skip locked")
                .param(limit)
                .query(TaskRepository::map)
                .list();
        if (!due.isEmpty()) {
            jdbc.sql("update task set fired_at = now() where id = any(?)")
                    .param(due.stream().map(Task::id).toArray(UUID[]::new))
                    .update();
        }
        return due;
    }

    /**
     * How long until the earliest pending due time, by the database's clock (the one the claim
     * compares with), or empty when nothing is pending. Zero or negative: due already.
     */
    public Optional<Duration> untilNextDue() {
        return jdbc.sql("select extract(epoch from (t.due_at - clock_timestamp())) * 1000 from task t where " + PENDING
                        + " order by t.due_at limit 1")
                .query((rs, i) -> Duration.ofMillis((long) Math.ceil(rs.getDouble(1))))
                .optional();
    }

    /** How long the longest-waiting due task has gone unfired; zero when none waits. */
    public Duration oldestUnfiredDue() {
        return jdbc.sql("select coalesce(extract(epoch from (now() - min(t.due_at))), 0) * 1000 from task t where "
                        + PENDING + " and t.due_at <= now()")
                .query((rs, i) -> Duration.ofMillis(Math.max(0, Math.round(rs.getDouble(1)))))
                .single();
    }

    private record Where(String sql, Map<String, Object> params) {}

    private static Where where(UUID tenantId, TaskFilter f) {
        var sql = new StringBuilder("t.tenant_id = :tenant");
        Map<String, Object> params = new HashMap<>();
        params.put("tenant", tenantId);
        if (f.assigneeId() != null) {
            sql.append(" and t.assignee_id = :assignee");
            params.put("assignee", f.assigneeId());
        }
        if (f.customerId() != null) {
            sql.append(" and t.customer_id = :customer");
            params.put("customer", f.customerId());
        }
        if (f.status() != null) {
            sql.append(" and t.status = :status");
            params.put("status", f.status());
        }
        if (f.channel() != null) {
            sql.append(" and t.channel = :channel");
            params.put("channel", f.channel());
        }
        if (f.priority() != null) {
            sql.append(" and t.priority = :priority");
            params.put("priority", f.priority());
        }
        if (f.from() != null) {
            sql.append(" and t.due_at >= :from");
            params.put("from", f.from());
        }
        if (f.to() != null) {
            sql.append(" and t.due_at < :to");
            params.put("to", f.to());
        }
        if (f.overdueAt() != null) {
            sql.append(" and t.status <> 'done' and t.due_at < :overdueAt");
            params.put("overdueAt", f.overdueAt());
        }
        return new Where(sql.toString(), params);
    }

    private static Map<String, Object> params(Task t) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", t.id());
        params.put("tenant", t.tenantId());
        params.put("customer", t.customerId());
        params.put("assignee", t.assigneeId());
        params.put("title", t.title());
        params.put("notes", t.notes());
        params.put("channel", t.channel());
        params.put("priority", t.priority());
        params.put("status", t.status());
        params.put("dueAt", t.dueAt());
        params.put("completedAt", t.completedAt());
        return params;
    }

    private static Task map(ResultSet rs, int row) throws SQLException {
        return new Task(
                rs.getObject("id", UUID.class),
                rs.getObject("tenant_id", UUID.class),
                rs.getString("title"),
                rs.getString("notes"),
                rs.getObject("customer_id", UUID.class),
                rs.getString("customer_name"),
                rs.getString("customer_phone"),
                rs.getObject("assignee_id", UUID.class),
                rs.getObject("due_at", OffsetDateTime.class),
                rs.getString("channel"),
                rs.getString("priority"),
                rs.getString("status"),
                rs.getObject("completed_at", OffsetDateTime.class),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class),
                rs.getString("call_id"));
    }
}
