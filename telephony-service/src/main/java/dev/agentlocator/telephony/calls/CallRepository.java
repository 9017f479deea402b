package dev.agentlocator.telephony.calls;

import dev.agentlocator.platform.kit.paging.PageRequest;
import dev.agentlocator.platform.kit.paging.SortOrder;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** All SQL on call logs. Every API statement filters by tenant; webhooks find calls by CallSid. */
@Repository
class CallRepository {

    private static final String SELECT = """
            select c.*, cu.name as customer_name,
                   (select t.details ->> 'summary' from call_turn t
                    where t.call_id = c.id and t.details ->> 'summary' is not null
                    order by t.created_at desc, t.id desc limit 1) as summary
            from call_log c
            left join customer cu on cu.tenant_id = c.tenant_id and cu.id = c.customer_id
            """;

    static final Map<String, String> SORTABLE = Map.of(
            "createdAt", "created_at",
            "status", "status",
            "durationSeconds", "duration_seconds",
            "direction", "direction");

    private final JdbcClient jdbc;
    private final JsonMapper json;

    CallRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    record NewCall(
            UUID id,
            UUID tenantId,
            UUID customerId,
            String callSid,
            String from,
            String to,
            String direction,
            String status,
            String answeredBy,
            boolean sandbox,
            String agentPhone,
            UUID startedBy,
            String outcome,
            String error) {}

    /** @return false when a call with this CallSid exists already (a Twilio retry) */
    boolean insert(NewCall c) {
        return jdbc.sql("""
                        insert into call_log (id, tenant_id, customer_id, call_sid, from_number, to_number, direction,
                                              status, answered_by, sandbox, agent_phone, started_by, outcome, error)
                        values (:id, :tenant, :customer, :sid, :from, :to, :direction, :status, :answeredBy, :sandbox,
                                :agentPhone, :startedBy, :outcome, :error)
                        on conflict (call_sid) do nothing
                        """)
                        .param("id", c.id())
                        .param("tenant", c.tenantId())
                        .param("customer", c.customerId())
                        .param("sid", c.callSid())
                        .param("from", c.from())
                        .param("to", c.to())
                        .param("direction", c.direction())
                        .param("status", c.status())
                        .param("answeredBy", c.answeredBy())
                        .param("sandbox", c.sandbox())
                        .param("agentPhone", c.agentPhone())
                        .param("startedBy", c.startedBy())
                        .param("outcome", c.outcome())
                        .param("error", c.error())
                        .update()
                > 0;
    }

    Optional<CallLog> findBySid(String callSid) {
        return jdbc.sql(SELECT + " where c.call_sid = ?")
                .param(callSid)
                .query(CallRepository::map)
                .optional();
    }

    Optional<CallLog> findBySidForUpdate(String callSid) {
        return jdbc.sql(SELECT + " where c.call_sid = ? for update of c")
                .param(callSid)
                .query(CallRepository::map)
                .optional();
    }

    Optional<CallLog> find(UUID tenantId, UUID id) {
        return jdbc.sql(SELECT + " where c.tenant_id = ? and c.id = ?")
                .param(tenantId)
                .param(id)
                .query(CallRepository::map)
                .optional();
    }

    Optional<CallLog> findById(UUID id) {
        return jdbc.sql(SELECT + " where c.id = ?")
                .param(id)
                .query(CallRepository::map)
                .optional();
    }

    Optional<CallLog> findBySid(UUID tenantId, String callSid) {
        return jdbc.sql(SELECT + " where c.tenant_id = ? and c.call_sid = ?")
                .param(tenantId)
                .param(callSid)
                .query(CallRepository::map)
                .optional();
    }

    /** @return true when this status is new for the call (a repeated callback changes nothing) */
    boolean addStatus(UUID callId, String status) {
        return jdbc.sql("insert into call_status_event (call_id, status) values (?, ?) on conflict do nothing")
                        .param(callId)
                        .param(status)
                        .update()
                > 0;
    }

    void updateStatus(UUID callId, String status) {
        jdbc.sql("update call_log set status = ?, updated_at = now() where id = ?")
                .param(status)
                .param(callId)
                .update();
    }

    void complete(UUID callId, String status, Integer durationSeconds, String answeredBy) {
        jdbc.sql("""
                        update call_log set status = ?, duration_seconds = coalesce(?, duration_seconds),
                            answered_by = ?, completed_at = now(), updated_at = now()
                        where id = ?
                        """)
                .param(status)
                .param(durationSeconds)
                .param(answeredBy)
                .param(callId)
                .update();
    }

    void setSid(UUID callId, String callSid, String status) {
        jdbc.sql("update call_log set call_sid = ?, status = ?, updated_at = now() where id = ?")
                .param(callSid)
                .param(status)
                .param(callId)
                .update();
    }

    void fail(UUID callId, String status, String error) {
        jdbc.sql("""
                        update call_log set status = ?, error = ?, completed_at = now(), updated_at = now() where id = ?
                        """).param(status).param(error).param(callId).update();
    }

    /** The receptionist's latest outcome for the call (answered, too_short, stt_failed, …). */
    void recordOutcome(UUID callId, String outcome, String error) {
        jdbc.sql("update call_log set outcome = ?, error = ?, updated_at = now() where id = ?")
                .param(outcome)
                .param(error)
                .param(callId)
                .update();
    }

    /** Links a call stored with the phone only; false when it was linked meanwhile. */
    boolean link(UUID callId, UUID customerId) {
        return jdbc.sql("update call_log set customer_id = ?, updated_at = now() where id = ? and customer_id is null")
                        .param(customerId)
                        .param(callId)
                        .update()
                > 0;
    }

    List<CallLog> unlinkedFrom(UUID tenantId, String phone) {
        return jdbc.sql(SELECT + " where c.tenant_id = ? and c.customer_id is null and c.direction = 'inbound'"
                        + " and c.from_number = ? order by c.created_at for update of c")
                .param(tenantId)
                .param(phone)
                .query(CallRepository::map)
                .list();
    }

    /** Inbound calls still without a customer that crm may now resolve. */
    List<CallLog> awaitingLink(int maxAttempts, int limit) {
        return jdbc.sql(SELECT + " where c.customer_id is null and c.direction = 'inbound' and c.link_attempts < ?"
                        + " and c.created_at > now() - interval '1 day' order by c.created_at limit ?")
                .param(maxAttempts)
                .param(limit)
                .query(CallRepository::map)
                .list();
    }

    void countLinkAttempt(UUID callId) {
        jdbc.sql("update call_log set link_attempts = link_attempts + 1 where id = ?")
                .param(callId)
                .update();
    }

    List<CallLog> list(UUID tenantId, CallFilter filter, SortOrder sort, PageRequest page) {
        var where = where(tenantId, filter);
        return jdbc.sql(SELECT + " where " + where.sql() + " order by " + prefixed(sort)
                        + " limit :limit offset :offset")
                .params(where.params())
                .param("limit", page.limit())
                .param("offset", page.offset())
                .query(CallRepository::map)
                .list();
    }

    long count(UUID tenantId, CallFilter filter) {
        var where = where(tenantId, filter);
        return jdbc.sql("select count(*) from call_log c where " + where.sql())
                .params(where.params())
                .query(Long.class)
                .single();
    }

    List<CallDetail.StatusChange> statusHistory(UUID callId) {
        return jdbc.sql(
                        "select status, occurred_at from call_status_event where call_id = ? order by occurred_at, status")
                .param(callId)
                .query((rs, i) -> new CallDetail.StatusChange(
                        rs.getString("status"), rs.getObject("occurred_at", OffsetDateTime.class)))
                .list();
    }

    List<CallDetail.Turn> turns(UUID callId, String audioBaseUrl) {
        return jdbc.sql("select * from call_turn where call_id = ? order by created_at, id")
                .param(callId)
                .query((rs, i) -> {
                    UUID audio = rs.getObject("reply_audio_id", UUID.class);
                    return new CallDetail.Turn(
                            rs.getObject("id", UUID.class),
                            rs.getString("recording_sid"),
                            rs.getString("recording_url"),
                            (Integer) rs.getObject("recording_seconds"),
                            rs.getString("outcome"),
                            rs.getString("transcript"),
                            rs.getString("reply"),
                            audio == null ? null : audioBaseUrl + audio + ".mp3",
                            details(rs.getString("details")),
                            rs.getString("error"),
                            (Integer) rs.getObject("provider_millis"),
                            (Integer) rs.getObject("total_millis"),
                            rs.getObject("created_at", OffsetDateTime.class),
                            rs.getObject("completed_at", OffsetDateTime.class),
                            rs.getString("mode"),
                            list(rs.getString("tool_calls")),
                            details(rs.getString("timings")));
                })
                .list();
    }

    private Map<String, Object> details(String text) {
        if (text == null) {
            return Map.of();
        }
        return json.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() {});
    }

    private List<Object> list(String text) {
        if (text == null) {
            return List.of();
        }
        return json.readValue(text, new TypeReference<List<Object>>() {});
    }

    /** SortOrder names bare columns (whitelisted); qualify each for the join with customer. */
    private static String prefixed(SortOrder sort) {
        return Arrays.stream(sort.orderBy().split(", "))
                .map(term -> "c." + term.strip())
                .collect(Collectors.joining(", "));
    }

    private record Where(String sql, Map<String, Object> params) {}

    private static Where where(UUID tenantId, CallFilter f) {
        var sql = new StringBuilder("c.tenant_id = :tenant");
        Map<String, Object> params = new HashMap<>();
        params.put("tenant", tenantId);
        if (f.customerId() != null) {
            sql.append(" and c.customer_id = :customer");
            params.put("customer", f.customerId());
        }
        if (f.direction() != null) {
            sql.append(" and c.direction = :direction");
            params.put("direction", f.direction());
        }
        if (f.status() != null) {
            sql.append(" and c.status = :status");
            params.put("status", f.status());
        }
        if (CallFilter.ANSWERED.equals(f.outcome())) {
            sql.append(" and exists (select 1 from call_turn t where t.call_id = c.id and t.reply is not null)");
        } else if (CallFilter.MISSED.equals(f.outcome())) {
            sql.append(" and c.direction = 'inbound' and c.completed_at is not null and not c.sandbox"
                    + " and not exists (select 1 from call_turn t where t.call_id = c.id and t.reply is not null)");
        }
        if (f.from() != null) {
            sql.append(" and c.created_at >= :from");
            params.put("from", f.from());
        }
        if (f.to() != null) {
            sql.append(" and c.created_at < :to");
            params.put("to", f.to());
        }
        return new Where(sql.toString(), params);
    }

    private static CallLog map(ResultSet rs, int row) throws SQLException {
        return new CallLog(
                rs.getObject("id", UUID.class),
                rs.getObject("tenant_id", UUID.class),
                rs.getObject("customer_id", UUID.class),
                rs.getString("customer_name"),
                rs.getString("call_sid"),
                rs.getString("from_number"),
                rs.getString("to_number"),
                rs.getString("direction"),
                rs.getString("status"),
                (Integer) rs.getObject("duration_seconds"),
                rs.getString("answered_by"),
                rs.getString("outcome"),
                rs.getString("error"),
                rs.getBoolean("sandbox"),
                rs.getString("agent_phone"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("completed_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class),
                rs.getString("summary"));
    }
}
