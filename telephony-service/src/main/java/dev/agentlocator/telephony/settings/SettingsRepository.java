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

    record Row(String greeting, String prompt, String forwardTo, OffsetDateTime updatedAt) {}

    private final JdbcClient jdbc;

    SettingsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> find(UUID tenantId) {
        return jdbc.sql(
                        "select greeting, prompt, forward_to, updated_at from receptionist_settings where tenant_id = ?")
                .param(tenantId)
                .query((rs, i) -> new Row(
                        rs.getString("greeting"),
                        rs.getString("prompt"),
                        rs.getString("forward_to"),
                        rs.getObject("updated_at", OffsetDateTime.class)))
                .optional();
    }

    /** A null field keeps its value; an empty one returns to the default. */
    void upsert(UUID tenantId, String greeting, String prompt, String forwardTo) {
        jdbc.sql("""
                        insert into receptionist_settings (tenant_id, greeting, prompt, forward_to)
                        values (:tenant, nullif(:greeting, ''), nullif(:prompt, ''), nullif(:forwardTo, ''))
                        on conflict (tenant_id) do update set
                            greeting = case when :greeting is null then receptionist_settings.greeting
                                            else nullif(:greeting, '') end,
                            prompt = case when :prompt is null then receptionist_settings.prompt
                                          else nullif(:prompt, '') end,
                            forward_to = case when :forwardTo is null then receptionist_settings.forward_to
                                              else nullif(:forwardTo, '') end,
                            updated_at = now()
                        """)
                .param("tenant", tenantId)
                .param("greeting", greeting, Types.VARCHAR)
                .param("prompt", prompt, Types.VARCHAR)
                .param("forwardTo", forwardTo, Types.VARCHAR)
                .update();
    }
}
