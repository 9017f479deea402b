package dev.agentlocator.telephony.google;

import dev.agentlocator.telephony.providers.Deadline;
import dev.agentlocator.telephony.providers.ProviderCalls;
import dev.agentlocator.telephony.providers.ProviderException;
import dev.agentlocator.telephony.providers.TextToSpeech;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Google Cloud Text-to-Speech {@code POST /v1/text:synthesize}, he-IL, MP3. */
@Component
class GoogleTts implements TextToSpeech {

    static final String PROVIDER = "google-tts";
    private static final Logger log = LoggerFactory.getLogger(GoogleTts.class);

    private final GoogleTtsProperties properties;
    private final ProviderCalls calls;
    private final JsonMapper json;
    private final GoogleCredentials credentials;
    private final int attempts;

    GoogleTts(GoogleTtsProperties properties, ProviderCalls calls, JsonMapper json) {
        this.properties = properties;
        this.calls = calls;
        this.json = json;
        this.attempts = properties.attempts();
        this.credentials = properties.credentialsFile() == null
                ? null
                : GoogleCredentials.load(Path.of(properties.credentialsFile()), json);
        if (credentials == null) {
            log.warn(
                    "GOOGLE_APPLICATION_CREDENTIALS is not set: Hebrew speech is off (sandbox); fixed prompts use Twilio's voice");
        }
    }

    boolean configured() {
        return credentials != null;
    }

    @Override
    public Speech synthesize(String text, Deadline deadline) {
        if (credentials == null) {
            throw new ProviderException(PROVIDER, "not_configured", "GOOGLE_APPLICATION_CREDENTIALS is not set");
        }
        String token = credentials.accessToken(calls, properties.timeout(), deadline);
        Map<String, Object> body = Map.of(
                "input", Map.of("text", text),
                "voice", Map.of("languageCode", properties.languageCode(), "name", properties.voice()),
                "audioConfig", Map.of("audioEncoding", "MP3"));
        var request = HttpRequest.newBuilder(URI.create(properties.baseUrl() + "/v1/text:synthesize"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        byte[] answer = calls.send(PROVIDER, request, properties.timeout(), deadline, attempts)
                .body();
        String audio;
        try {
            audio = json.readTree(answer).path("audioContent").asString("");
        } catch (JacksonException e) {
            throw new ProviderException(PROVIDER, "bad_answer", "the synthesis answer is not JSON", e);
        }
        if (audio.isEmpty()) {
            throw new ProviderException(PROVIDER, "bad_answer", "no audioContent in the answer");
        }
        try {
            return new Speech(Base64.getDecoder().decode(audio), "audio/mpeg");
        } catch (IllegalArgumentException e) {
            throw new ProviderException(PROVIDER, "bad_answer", "audioContent is not base64", e);
        }
    }
}
