package dev.agentlocator.telephony.settings;

import dev.agentlocator.telephony.google.GoogleTtsProperties;
import dev.agentlocator.telephony.openai.OpenAiProperties;
import dev.agentlocator.telephony.twilio.TwilioProperties;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Which third parties are live. Without credentials a provider is in sandbox: nothing is sent,
 * and what would have been is stored marked {@code sandbox}. In production a missing secret
 * stops start-up, naming it (SPEC C11).
 */
@Component
public class Sandbox {

    private static final Logger log = LoggerFactory.getLogger(Sandbox.class);

    private final Map<String, Boolean> live;

    Sandbox(TwilioProperties twilio, OpenAiProperties openAi, GoogleTtsProperties google, Environment environment) {
        Map<String, Boolean> providers = new LinkedHashMap<>();
        providers.put("twilio", twilio.restConfigured());
        providers.put("whatsapp", twilio.whatsappConfigured());
        providers.put("openai", openAi.configured());
        providers.put("googleTts", google.credentialsFile() != null);
        this.live = Map.copyOf(providers);
        List<String> missing = new ArrayList<>();
        if (twilio.accountSid() == null) {
            missing.add("TWILIO_SID");
        }
        if (twilio.authToken() == null) {
            missing.add("TWILIO_TOKEN");
        }
        if (twilio.whatsappDevice() == null) {
            missing.add("WHATSAPP_DEVICE");
        }
        if (!openAi.configured()) {
            missing.add("OPENAI_API_KEY");
        }
        if (google.credentialsFile() == null) {
            missing.add("GOOGLE_APPLICATION_CREDENTIALS");
        }
        if (!missing.isEmpty()) {
            if ("production".equalsIgnoreCase(environment.getProperty("APP_ENV", ""))) {
                throw new IllegalStateException(
                        "telephony-service needs " + String.join(", ", missing) + " in production; refusing to start");
            }
            log.warn("Sandbox mode for {}: {} not set; nothing is sent through them", providers, missing);
        }
    }

    /** Provider → live (true) or sandboxed (false). */
    public Map<String, Boolean> live() {
        return new LinkedHashMap<>(live);
    }

    public boolean any() {
        return live.containsValue(false);
    }
}
