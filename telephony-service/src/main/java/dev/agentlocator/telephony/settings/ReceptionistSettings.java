package dev.agentlocator.telephony.settings;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** The receptionist's words per tenant (greeting, prompt) and the phone click-to-call rings first. */
@Service
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

    public static final String RECORD = "record";
    public static final String STREAMING = "streaming";

    /** Twilio's default he-IL voice for ConversationRelay when the tenant chose none. */
    public static final String DEFAULT_VOICE = "he-IL-Wavenet-A";

    public record Settings(
            String greeting,
            String prompt,
            String forwardTo,
            boolean customGreeting,
            boolean customPrompt,
            OffsetDateTime updatedAt,
            String mode,
            String voice,
            String handoffNumber) {

        public boolean streaming() {
            return STREAMING.equals(mode);
        }
    }

    /** The streaming receptionist's choices (issue 24); a null field keeps its value. */
    public record Streaming(String mode, String voice, String handoffNumber) {}

    private final SettingsRepository repository;

    ReceptionistSettings(SettingsRepository repository) {
        this.repository = repository;
    }

    public Settings of(UUID tenantId) {
        return repository
                .find(tenantId)
                .map(row -> settings(row.greeting(), row.prompt(), row.forwardTo(), row.updatedAt(), row.streaming()))
                .orElseGet(() -> settings(null, null, null, null, new Streaming(RECORD, null, null)));
    }

    /** A null field keeps its value; an empty one returns to the default. */
    void update(UUID tenantId, String greeting, String prompt, String forwardTo, Streaming streaming) {
        repository.upsert(tenantId, greeting, prompt, forwardTo, streaming);
    }

    private static Settings settings(
            String greeting, String prompt, String forwardTo, OffsetDateTime updatedAt, Streaming streaming) {
        return new Settings(
                Optional.ofNullable(greeting).orElse(DEFAULT_GREETING),
                Optional.ofNullable(prompt).orElse(DEFAULT_PROMPT),
                forwardTo,
                greeting != null,
                prompt != null,
                updatedAt,
                Optional.ofNullable(streaming.mode()).orElse(RECORD),
                Optional.ofNullable(streaming.voice()).orElse(DEFAULT_VOICE),
                streaming.handoffNumber());
    }
}
