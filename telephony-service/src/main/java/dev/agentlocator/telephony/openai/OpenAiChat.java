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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * OpenAI's {@code POST /v1/chat/completions}: the tenant's prompt as the system message, the call
 * so far, and a structured output ({@code response_format: json_schema}, strict; {@link
 * LeadSchema}) so one round trip gives both the spoken reply and the lead as the call told it.
 */
@Component
class OpenAiChat implements ReplyGenerator {

    static final String PROVIDER = "openai-chat";

    private static final Logger log = LoggerFactory.getLogger(OpenAiChat.class);

    /** Appended to every tenant's prompt: the limits of a phone reply and what the lead is. */
    static final String FORMAT = """

            התשובה (reply) קצרה, בעברית, עד שני משפטים, ותושמע למתקשר.
            בשדה lead מלא/י את מה שהמתקשר אמר עד עכשיו בשיחה כולה; שדה שלא נאמר הוא null.
            אל תמציא/י פרטים שלא נאמרו.""";

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
        body.put("max_tokens", 500);
        body.put("response_format", LeadSchema.responseFormat());
        var request = HttpRequest.newBuilder(URI.create(properties.baseUrl() + "/v1/chat/completions"))
                .header("Authorization", "Bearer " + properties.apiKey())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        byte[] answer = calls.send(PROVIDER, request, properties.chatTimeout(), deadline, attempts)
                .body();
        JsonNode choice;
        try {
            choice = json.readTree(answer).path("choices").path(0);
        } catch (JacksonException e) {
            throw new ProviderException(PROVIDER, "bad_answer", "the completion is not JSON", e);
        }
        JsonNode message = choice.path("message");
        if (message.path("refusal").isString()) {
            throw new ProviderException(
                    PROVIDER,
                    "refused",
                    "the model refused: " + message.path("refusal").asString());
        }
        if ("length".equals(choice.path("finish_reason").asString(""))) {
            // a structured output cut off by max_tokens is not JSON we can trust
            throw new ProviderException(PROVIDER, "truncated", "the completion hit max_tokens");
        }
        return parse(message.path("content").asString(""));
    }

    /**
     * The model's content against the schema. Without a reply there is nothing to say: the turn
     * fails over to the fallback prompt. A lead field that does not pass is dropped and logged;
     * the reply and the other fields stand.
     */
    Reply parse(String content) {
        String text = content == null ? "" : content.strip();
        if (text.isEmpty()) {
            throw new ProviderException(PROVIDER, "empty", "the completion has no content");
        }
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JacksonException e) {
            throw new ProviderException(PROVIDER, "bad_answer", "the content is not the schema's JSON", e);
        }
        if (node == null || !node.isObject()) {
            throw new ProviderException(PROVIDER, "bad_answer", "the content is not the schema's JSON object");
        }
        JsonNode replyNode = node.path("reply");
        String reply = replyNode.isString() ? replyNode.asString().strip() : "";
        if (reply.isEmpty()) {
            throw new ProviderException(PROVIDER, "empty", "the completion has no reply");
        }
        List<String> rejected = new ArrayList<>();
        Map<String, Object> lead = LeadSchema.lead(node.path("lead"), rejected);
        if (!rejected.isEmpty()) {
            log.warn("The model's lead broke the schema in {}; those fields are dropped", rejected);
        }
        return new Reply(reply, lead);
    }
}
