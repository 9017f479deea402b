package dev.agentlocator.telephony.google;

import dev.agentlocator.platform.kit.text.Text;
import dev.agentlocator.telephony.common.Config;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Google Cloud Text-to-Speech.
 *
 * @param credentialsFile a service-account JSON key ({@code GOOGLE_APPLICATION_CREDENTIALS}); its
 *     {@code token_uri} is where access tokens come from
 * @param baseUrl the API origin; tests point it at a local stub
 * @param voice a he-IL voice name
 * @param attempts tries per call (retries only on timeouts, 429 and 5xx, and only while the
 *     webhook's deadline leaves time)
 */
@ConfigurationProperties("agentlocator.telephony.google")
public record GoogleTtsProperties(
        String credentialsFile,
        @DefaultValue("https://texttospeech.googleapis.com") String baseUrl,
        @DefaultValue("he-IL") String languageCode,
        @DefaultValue("he-IL-Wavenet-A") String voice,
        @DefaultValue("3s") Duration timeout,
        @DefaultValue("2") int attempts) {

    public GoogleTtsProperties {
        Config.requirePositive("agentlocator.telephony.google.attempts", attempts);
        credentialsFile = Text.blankToNull(credentialsFile);
        baseUrl = Config.withoutTrailingSlash(baseUrl);
    }
}
