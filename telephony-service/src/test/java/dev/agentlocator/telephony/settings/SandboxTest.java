package dev.agentlocator.telephony.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentlocator.telephony.google.GoogleTtsProperties;
import dev.agentlocator.telephony.openai.OpenAiProperties;
import dev.agentlocator.telephony.twilio.TwilioProperties;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class SandboxTest {

    static final TwilioProperties NO_TWILIO =
            new TwilioProperties("", " ", null, "https://api.twilio.com", null, Duration.ofSeconds(5), 2);
    static final OpenAiProperties NO_OPENAI = new OpenAiProperties(
            "", "https://api.openai.com", "whisper-1", "gpt-4o-mini", Duration.ofSeconds(5), Duration.ofSeconds(5), 2);
    static final GoogleTtsProperties NO_GOOGLE = new GoogleTtsProperties(
            null, "https://texttospeech.googleapis.com", "he-IL", "he-IL-Wavenet-A", Duration.ofSeconds(3), 2);

    @Test
    void inDevelopmentMissingCredentialsMeanSandboxAndTheApiCanSaySo() {
        var sandbox = new Sandbox(NO_TWILIO, NO_OPENAI, NO_GOOGLE, new MockEnvironment());

        assertThat(sandbox.any()).isTrue();
        assertThat(sandbox.live())
                .containsEntry("twilio", false)
                .containsEntry("openai", false)
                .containsEntry("googleTts", false)
                .containsEntry("whatsapp", false);
    }

    @Test
    void inProductionAMissingSecretStopsStartUpNamingIt() {
        var production = new MockEnvironment().withProperty("APP_ENV", "production");
        var twilio =
                new TwilioProperties("AC1", "token", null, "https://api.twilio.com", null, Duration.ofSeconds(5), 2);

        assertThatThrownBy(() -> new Sandbox(twilio, NO_OPENAI, NO_GOOGLE, production))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("WHATSAPP_DEVICE, OPENAI_API_KEY, GOOGLE_APPLICATION_CREDENTIALS")
                .hasMessageNotContaining("TWILIO_SID");
    }
}
