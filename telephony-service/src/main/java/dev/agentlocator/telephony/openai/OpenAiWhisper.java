package dev.agentlocator.telephony.openai;

import dev.agentlocator.telephony.providers.Deadline;
import dev.agentlocator.telephony.providers.ProviderCalls;
import dev.agentlocator.telephony.providers.ProviderException;
import dev.agentlocator.telephony.providers.SpeechToText;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** OpenAI's {@code POST /v1/audio/transcriptions} (Whisper), Hebrew. */
@Component
class OpenAiWhisper implements SpeechToText {

    static final String PROVIDER = "openai-stt";

    private final OpenAiProperties properties;
    private final ProviderCalls calls;
    private final JsonMapper json;
    private final int attempts;

    OpenAiWhisper(OpenAiProperties properties, ProviderCalls calls, JsonMapper json) {
        this.properties = properties;
        this.calls = calls;
        this.json = json;
        this.attempts = properties.attempts();
    }

    @Override
    public String transcribe(byte[] audio, String fileName, Deadline deadline) {
        if (!properties.configured()) {
            throw new ProviderException(PROVIDER, "not_configured", "OPENAI_API_KEY is not set");
        }
        String boundary = "----agentlocator" + UUID.randomUUID().toString().replace("-", "");
        byte[] body = new Multipart(boundary)
                .field("model", properties.transcriptionModel())
                .field("language", "he")
                .field("response_format", "json")
                .file("file", fileName, "audio/wav", audio)
                .finish();
        var request = HttpRequest.newBuilder(URI.create(properties.baseUrl() + "/v1/audio/transcriptions"))
                .header("Authorization", "Bearer " + properties.apiKey())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        byte[] answer = calls.send(PROVIDER, request, properties.transcriptionTimeout(), deadline, attempts)
                .body();
        try {
            JsonNode text = json.readTree(answer).get("text");
            if (text == null || !text.isString()) {
                throw new ProviderException(PROVIDER, "bad_answer", "no text in the transcription");
            }
            return text.asString().strip();
        } catch (JacksonException e) {
            throw new ProviderException(PROVIDER, "bad_answer", "the transcription is not JSON", e);
        }
    }

    /** multipart/form-data as RFC 7578 writes it. */
    private static final class Multipart {
        private final String boundary;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Multipart(String boundary) {
            this.boundary = boundary;
        }

        Multipart field(String name, String value) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
                    + "\r\n");
            return this;
        }

        Multipart file(String name, String fileName, String type, byte[] content) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: " + type + "\r\n\r\n");
            out.writeBytes(content);
            write("\r\n");
            return this;
        }

        byte[] finish() {
            write("--" + boundary + "--\r\n");
            return out.toByteArray();
        }

        private void write(String text) {
            out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
