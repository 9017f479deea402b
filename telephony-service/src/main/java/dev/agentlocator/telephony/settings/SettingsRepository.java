package dev.agentlocator.telephony.settings;

import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** All SQL on {@code receptionist_settings}: what a tenant set, nulls where it kept the default. */
@Repository
class SettingsRepository {

    record Row(
            String greeting,
            String prompt,
            String forwardTo,
            OffsetDateTime updatedAt,
            ReceptionistSettings.Streaming streaming) {}

    private final JdbcClient jdbc;

    SettingsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> find(UUID tenantId) {
        return jdbc.sql("select greeting, prompt, forward_to, updated_at, mode, voice, handoff_number"
                        + " from receptionist_settings where tenant_id = ?")
                .param(tenantId)
                .query((rs, i) -> new Row(
                        rs.getString("greeting"),
                        rs.getString("prompt"),
                        rs.getString("forward_to"),
                        rs.getObject("updated_at", OffsetDateTime.class),
                        new ReceptionistSettings.Streaming(
                                rs.getString("mode"), rs.getString("voice"), rs.getString("handoff_number"))))
                .optional();
    }

    /** A null field keeps its value; an empty one returns to the default. */
    void upsert(
            UUID tenantId, String greeting, String prompt, String forwardTo, ReceptionistSettings.Streaming streaming) {
        jdbc.sql("""
                        insert into receptionist_settings
                            (tenant_id, greeting, prompt, forward_to, mode, voice, handoff_number)
                        values (:tenant, nullif(:greeting, ''), nullif(:prompt, ''), nullif(:forwardTo, ''),
                                coalesce(:mode, 'record'), nullif(:voice, ''), nullif(:handoff, ''))
                        on conflict (tenant_id) do update set
                            greeting = case when :greeting is null then receptionist_settings.greeting
                                            else nullif(:greeting, '') end,
                            prompt = case when :prompt is null then receptionist_settings.prompt
                                          else nullif(:prompt, '') end,
                            forward_to = case when :forwardTo is null then receptionist_settings.forward_to
                                              else nullif(:forwardTo, '') end,
                            mode = coalesce(:mode, receptionist_settings.mode),
                            voice = case when :voice is null then receptionist_settings.voice
                                         else nullif(:voice, '') end,
                            handoff_number = case when :handoff is null then receptionist_settings.handoff_number
                                                  else nullif(:handoff, '') end,
                            updated_at = now()
                        """)
                .param("tenant", tenantId)
                .param("greeting", greeting, Types.VARCHAR)
                .param("prompt", prompt, Types.VARCHAR)
                .param("forwardTo", forwardTo, Types.VARCHAR)
                .param("mode", streaming.mode(), Types.VARCHAR)
                .param("voice", streaming.voice(), Types.VARCHAR)
                .param("handoff", streaming.handoffNumber(), Types.VARCHAR)
                .update();
    }
}
