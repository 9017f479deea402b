package dev.agentlocator.telephony.openai;

import dev.agentlocator.telephony.providers.Deadline;
import dev.agentlocator.telephony.providers.ProviderCalls;
import dev.agentlocator.telephony.providers.ProviderException;
import dev.agentlocator.telephony.providers.ReplyGenerator;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * OpenAI's {@code POST /v1/chat/completions}: the tenant's prompt as the system message, the call
 * so far, and a JSON answer {@code {"reply":…,"details":{…}}} so one round trip gives both the
 * spoken reply and the lead details.
 */
@Component
class OpenAiChat implements ReplyGenerator {

    static final String PROVIDER = "openai-chat";

    /** Appended to every tenant's prompt: the shape we parse, and the limits of a phone reply. */
    static final String FORMAT = """

            ענה/י תמיד ב־JSON בלבד, במבנה:
            {"reply": "<תשובה קצרה בעברית, עד שני משפטים, שתושמע למתקשר>",
             "details": {"name": "<שם המתקשר אם נאמר>", "area": "<אזור>", "rooms": <מספר חדרים>,
                         "budget": <תקציב בשקלים>, "dealType": "<buy|rent|sell|let>", "intent": "<מה המתקשר מבקש, במשפט>"}}
            השמט/י מ־details כל שדה שלא נאמר בשיחה.""";

    private final OpenAiProperties properties;
    private final ProviderCalls calls;
    private final JsonMapper json;
    private final int attempts;

    OpenAiChat(OpenAiProperties properties, ProviderCalls calls, JsonMapper json) {
        this.properties = properties;
        this.calls = calls;
        this.json = json;
        this.attempts = properties.attempts();
    }

    @Override
    public Reply reply(Conversation conversation, Deadline deadline) {
        if (!properties.configured()) {
            throw new ProviderException(PROVIDER, "not_configured", "OPENAI_API_KEY is not set");
        }
        List<Map<String, String>> messages = new ArrayList<>();
        messages.add(Map.of("role", "system", "content", conversation.prompt() + FORMAT));
        messages.add(Map.of("role", "assistant", "content", conversation.greeting()));
        for (Turn turn : conversation.turns()) {
            messages.add(Map.of("role", "user", "content", turn.caller()));
            messages.add(Map.of("role", "assistant", "content", turn.receptionist()));
        }
        messages.add(Map.of("role", "user", "content", conversation.transcript()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", properties.chatModel());
        body.put("messages", messages);
        body.put("temperature", 0.3);
        body.put("max_tokens", 300);
        body.put("response_format", Map.of("type", "json_object"));
        var request = HttpRequest.newBuilder(URI.create(properties.baseUrl() + "/v1/chat/completions"))
                .header("Authorization", "Bearer " + properties.apiKey())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        byte[] answer = calls.send(PROVIDER, request, properties.chatTimeout(), deadline, attempts)
                .body();
        String content;
        try {
            JsonNode choice = json.readTree(answer).path("choices").path(0);
            content = choice.path("message").path("content").asString("");
        } catch (JacksonException e) {
            throw new ProviderException(PROVIDER, "bad_answer", "the completion is not JSON", e);
        }
        return parse(content);
    }

    /** The model's content: our JSON shape, or (when it ignored the format) plain text to speak. */
    Reply parse(String content) {
        String text = content == null ? "" : content.strip();
        if (text.isEmpty()) {
            throw new ProviderException(PROVIDER, "empty", "the completion has no content");
        }
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JacksonException e) {
            return new Reply(text, Map.of());
        }
        if (node == null || !node.isObject()) {
            return new Reply(text, Map.of());
        }
        String reply = node.path("reply").asString("").strip();
        if (reply.isEmpty()) {
            throw new ProviderException(PROVIDER, "empty", "the completion has no reply");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        JsonNode d = node.path("details");
        if (d.isObject()) {
            for (var entry : d.properties()) {
                JsonNode v = entry.getValue();
                if (v.isNumber()) {
                    details.put(entry.getKey(), v.numberValue());
                } else if (v.isBoolean()) {
                    details.put(entry.getKey(), v.booleanValue());
                } else if (v.isString() && !v.asString().isBlank()) {
                    details.put(entry.getKey(), v.asString().strip());
                }
            }
        }
        return new Reply(reply, details);
    }
}
