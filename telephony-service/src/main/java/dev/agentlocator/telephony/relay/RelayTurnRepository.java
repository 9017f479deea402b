package dev.agentlocator.telephony.relay;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The streaming receptionist's turns, as {@code call_turn} rows of mode {@code streaming}: the
 * lead, the call-back and the calls screen read them like the record flow's.
 */
@Repository
class RelayTurnRepository {

    record Finished(
            UUID id,
            UUID callId,
            UUID tenantId,
            String key,
            String outcome,
            String transcript,
            String reply,
            Map<String, Object> lead,
            String error,
            List<Map<String, Object>> toolCalls,
            Map<String, Object> timings,
            long providerMillis,
            long totalMillis) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;

    RelayTurnRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(Finished t) {
        jdbc.sql("""
                        insert into call_turn (id, call_id, tenant_id, recording_sid, mode, outcome, transcript, reply,
                            details, error, provider_millis, total_millis, tool_calls, timings, completed_at)
                        values (:id, :call, :tenant, :key, 'streaming', :outcome, :transcript, :reply,
                            cast(:details as jsonb), :error, :providerMillis, :totalMillis,
                            cast(:tools as jsonb), cast(:timings as jsonb), now())
                        """)
                .param("id", t.id())
                .param("call", t.callId())
                .param("tenant", t.tenantId())
                .param("key", t.key())
                .param("outcome", t.outcome())
                .param("transcript", t.transcript())
                .param("reply", t.reply())
                .param("details", t.lead().isEmpty() ? null : json.writeValueAsString(t.lead()))
                .param("error", t.error())
                .param("providerMillis", (int) t.providerMillis())
                .param("totalMillis", (int) t.totalMillis())
                .param("tools", t.toolCalls().isEmpty() ? null : json.writeValueAsString(t.toolCalls()))
                .param("timings", json.writeValueAsString(t.timings()))
                .update();
    }

    /** The caller cut the answer after it was stored: keep only what Twilio had spoken. */
    void interruptedAfterwards(UUID id, String spoken, long durationUntilInterruptMs) {
        jdbc.sql("""
                        update call_turn set reply = :spoken,
                            timings = coalesce(timings, '{}'::jsonb)
                                || jsonb_build_object('interrupted', true, 'spokenMs', :spokenMs)
                        where id = :id
                        """)
                .param("id", id)
                .param("spoken", spoken)
                .param("spokenMs", durationUntilInterruptMs)
                .update();
    }
}
