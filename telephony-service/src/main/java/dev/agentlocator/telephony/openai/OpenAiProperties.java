package dev.agentlocator.telephony.openai;

import dev.agentlocator.platform.kit.text.Text;
import dev.agentlocator.telephony.common.Config;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * OpenAI: Whisper transcription and chat completion ({@code OPENAI_API_KEY}).
 *
 * @param baseUrl the API origin; tests point it at a local stub
 * @param attempts tries per call (retries only on timeouts, 429 and 5xx, and only while the
 *     webhook's deadline leaves time)
 */
@ConfigurationProperties("agentlocator.telephony.openai")
public record OpenAiProperties(
        String apiKey,
        @DefaultValue("https://api.openai.com") String baseUrl,
        @DefaultValue("whisper-1") String transcriptionModel,
        @DefaultValue("gpt-4o-mini") String chatModel,
        @DefaultValue("5s") Duration transcriptionTimeout,
        @DefaultValue("5s") Duration chatTimeout,
        @DefaultValue("2") int attempts) {

    public OpenAiProperties {
        Config.requirePositive("agentlocator.telephony.openai.attempts", attempts);
        apiKey = Text.blankToNull(apiKey);
        baseUrl = Config.withoutTrailingSlash(baseUrl);
    }

    public boolean configured() {
        return apiKey != null;
    }
}
