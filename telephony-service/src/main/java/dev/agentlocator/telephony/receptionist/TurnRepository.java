package dev.agentlocator.telephony.receptionist;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Turns of the receptionist's conversations, one per Twilio recording. */
@Repository
class TurnRepository {

    static final String ANSWERED = "answered";
    static final String ANSWERED_WITHOUT_TTS = "answered_without_tts";

    record Stored(boolean completed, String twiml) {}

    /** A reply was spoken (by our voice or Twilio's); any other outcome is a fallback. */
    static boolean isAnswered(String outcome) {
        return ANSWERED.equals(outcome) || ANSWERED_WITHOUT_TTS.equals(outcome);
    }

    record Previous(String outcome, String transcript, String reply) {
        boolean answered() {
            return isAnswered(outcome);
        }
    }

    record Result(
            String outcome,
            String transcript,
            String reply,
            UUID replyAudioId,
            Map<String, Object> details,
            String error,
            long providerMillis,
            long totalMillis,
            String twiml) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;

    TurnRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** @return false when this recording has a turn already (Twilio delivered it again) */
    boolean start(UUID id, UUID callId, UUID tenantId, String recordingSid, String recordingUrl, Integer seconds) {
        return jdbc.sql("""
                        insert into call_turn (id, call_id, tenant_id, recording_sid, recording_url, recording_seconds)
                        values (?, ?, ?, ?, ?, ?) on conflict (recording_sid) do nothing
                        """)
                        .param(id)
                        .param(callId)
                        .param(tenantId)
                        .param(recordingSid)
                        .param(recordingUrl)
                        .param(seconds)
                        .update()
                > 0;
    }

    Optional<Stored> find(String recordingSid) {
        return jdbc.sql("select completed_at is not null as done, twiml from call_turn where recording_sid = ?")
                .param(recordingSid)
                .query((rs, i) -> new Stored(rs.getBoolean("done"), rs.getString("twiml")))
                .optional();
    }

    /** The call's earlier finished turns, oldest first. */
    List<Previous> previous(UUID callId, UUID exceptTurn) {
        return jdbc.sql("""
                        select outcome, transcript, reply from call_turn
                        where call_id = ? and id <> ? and completed_at is not null order by created_at, id
                        """)
                .param(callId)
                .param(exceptTurn)
                .query((rs, i) ->
                        new Previous(rs.getString("outcome"), rs.getString("transcript"), rs.getString("reply")))
                .list();
    }

    void finish(UUID id, Result r) {
        jdbc.sql("""
                        update call_turn set outcome = :outcome, transcript = :transcript, reply = :reply,
                            reply_audio_id = :audio, details = cast(:details as jsonb), error = :error,
                            provider_millis = :providerMillis, total_millis = :totalMillis, twiml = :twiml,
                            completed_at = now()
                        where id = :id
                        """)
                .param("id", id)
                .param("outcome", r.outcome())
                .param("transcript", r.transcript())
                .param("reply", r.reply())
                .param("audio", r.replyAudioId())
                .param(
                        "details",
                        r.details() == null || r.details().isEmpty() ? null : json.writeValueAsString(r.details()))
                .param("error", r.error())
                .param("providerMillis", (int) r.providerMillis())
                .param("totalMillis", (int) r.totalMillis())
                .param("twiml", r.twiml())
                .update();
    }
}
