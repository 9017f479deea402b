package dev.agentlocator.telephony.receptionist;

import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The receptionist's words per tenant (greeting, prompt) and the phone click-to-call rings first. */
@Repository
public class ReceptionistSettings {

    public static final String DEFAULT_GREETING =
            "שלום, הגעתם למשרד. אני המזכירה הדיגיטלית. ספרו לי בקצרה במה אפשר לעזור, ובסיום הקישו כוכבית.";

    public static final String DEFAULT_PROMPT = """
            את/ה מזכיר/ה טלפוני/ת אדיב/ה של משרד תיווך נדל״ן בישראל. המתקשר/ת הוא/היא ליד פוטנציאלי/ת.
            הקשב/י למה שנאמר, ענה/י בעברית, בקצרה ובחום, ושאל/י שאלה אחת שתעזור לסוכן לחזור אליו/ה:
            אזור מבוקש, מספר חדרים, תקציב, קנייה או שכירות, ושם. אל תמציא/י מחירים, נכסים או התחייבויות.
            """.strip();

    /** The fixed lines, spoken by Twilio's own he-IL voice so they work even when our TTS is down. */
    public static final String FALLBACK = "סליחה, לא הצלחתי לשמוע. אנא אמרו שוב במה אפשר לעזור, ובסיום הקישו כוכבית.";

    public static final String GOODBYE = "תודה רבה על הפנייה. נציג יחזור אליכם בהקדם. יום טוב.";
    public static final String NOT_IN_SERVICE = "המספר שחייגתם אינו פעיל כרגע. תודה ולהתראות.";

    public record Settings(
            String greeting,
            String prompt,
            String forwardTo,
            boolean customGreeting,
            boolean customPrompt,
            OffsetDateTime updatedAt) {}

    private final JdbcClient jdbc;

    ReceptionistSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Settings of(UUID tenantId) {
        return jdbc.sql(
                        "select greeting, prompt, forward_to, updated_at from receptionist_settings where tenant_id = ?")
                .param(tenantId)
                .query((rs, i) -> settings(
                        rs.getString("greeting"),
                        rs.getString("prompt"),
                        rs.getString("forward_to"),
                        rs.getObject("updated_at", OffsetDateTime.class)))
                .optional()
                .orElseGet(() -> settings(null, null, null, null));
    }

    /** A null field keeps its value; an empty one returns to the default. */
    void update(UUID tenantId, String greeting, String prompt, String forwardTo) {
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

    private static Settings settings(String greeting, String prompt, String forwardTo, OffsetDateTime updatedAt) {
        return new Settings(
                Optional.ofNullable(greeting).orElse(DEFAULT_GREETING),
                Optional.ofNullable(prompt).orElse(DEFAULT_PROMPT),
                forwardTo,
                greeting != null,
                prompt != null,
                updatedAt);
    }
}
