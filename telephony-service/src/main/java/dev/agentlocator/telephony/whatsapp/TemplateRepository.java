package dev.agentlocator.telephony.whatsapp;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** All SQL on which template serves which purpose, per tenant. */
@Repository
class TemplateRepository {

    /** A purpose's template, as Twilio listed it when the owner chose it. */
    record PurposeTemplate(
            String purpose, String contentSid, String name, String body, Map<String, String> variables) {}

    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    TemplateRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void put(UUID tenantId, PurposeTemplate t) {
        jdbc.sql("""
                        insert into whatsapp_template_purpose (tenant_id, purpose, content_sid, variables, name, body)
                        values (?, ?, ?, cast(? as jsonb), ?, ?)
                        on conflict (tenant_id, purpose) do update set content_sid = excluded.content_sid,
                            variables = excluded.variables, name = excluded.name, body = excluded.body,
                            updated_at = now()
                        """)
                .param(tenantId)
                .param(t.purpose())
                .param(t.contentSid())
                .param(json.writeValueAsString(t.variables()))
                .param(t.name())
                .param(t.body())
                .update();
    }

    boolean remove(UUID tenantId, String purpose) {
        return jdbc.sql("delete from whatsapp_template_purpose where tenant_id = ? and purpose = ?")
                        .param(tenantId)
                        .param(purpose)
                        .update()
                > 0;
    }

    Optional<PurposeTemplate> find(UUID tenantId, String purpose) {
        return jdbc.sql("select * from whatsapp_template_purpose where tenant_id = ? and purpose = ?")
                .param(tenantId)
                .param(purpose)
                .query((rs, row) -> new PurposeTemplate(
                        rs.getString("purpose"),
                        rs.getString("content_sid"),
                        rs.getString("name"),
                        rs.getString("body"),
                        json.readValue(rs.getString("variables"), MAP)))
                .optional();
    }

    List<PurposeTemplate> list(UUID tenantId) {
        return jdbc.sql("select * from whatsapp_template_purpose where tenant_id = ? order by purpose")
                .param(tenantId)
                .query((rs, row) -> new PurposeTemplate(
                        rs.getString("purpose"),
                        rs.getString("content_sid"),
                        rs.getString("name"),
                        rs.getString("body"),
                        json.readValue(rs.getString("variables"), MAP)))
                .list();
    }
}
