package dev.agentlocator.telephony.twilio;

import dev.agentlocator.platform.kit.phone.PhoneNumbers;
import dev.agentlocator.platform.kit.text.Text;
import dev.agentlocator.telephony.common.Config;
import dev.agentlocator.telephony.common.Phones;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Twilio: the account ({@code TWILIO_SID}, {@code TWILIO_TOKEN}), the WhatsApp sender
 * ({@code WHATSAPP_DEVICE}), and where Twilio reaches us.
 *
 * @param accountSid the account; without it (or the token) outbound calls and messages are sandboxed
 * @param authToken signs every webhook (X-Twilio-Signature) and authenticates REST calls and
 *     recording downloads; without it no webhook can be verified, so every webhook is refused
 * @param whatsappDevice the shared WhatsApp sender, E.164 (with or without {@code whatsapp:}), for
 *     tenants without a sender of their own
 * @param apiBaseUrl Twilio's REST API; tests point it at a local stub
 * @param publicBaseUrl the public origin Twilio calls (e.g. {@code https://app.example.com}); the
 *     signature covers the URL Twilio used, so behind the gateway or a proxy this must be the outside
 *     address. Required in production; unset in development: derived from X-Forwarded-* headers,
 *     else the request itself ({@link PublicUrls})
 * @param timeout per REST call
 * @param downloadAttempts tries per recording download (retries only on timeouts, 429 and 5xx,
 *     and only while the webhook's deadline leaves time); REST calls are never retried
 */
@ConfigurationProperties("agentlocator.telephony.twilio")
public record TwilioProperties(
        String accountSid,
        String authToken,
        String whatsappDevice,
        @DefaultValue("https://api.twilio.com") String apiBaseUrl,
        String publicBaseUrl,
        @DefaultValue("5s") Duration timeout,
        @DefaultValue("2") int downloadAttempts) {

    public TwilioProperties {
        Config.requirePositive("agentlocator.telephony.twilio.download-attempts", downloadAttempts);
        accountSid = Text.blankToNull(accountSid);
        authToken = Text.blankToNull(authToken);
        whatsappDevice = Text.blankToNull(whatsappDevice);
        apiBaseUrl = Config.withoutTrailingSlash(apiBaseUrl);
        publicBaseUrl = Config.withoutTrailingSlash(Text.blankToNull(publicBaseUrl));
    }

    /** Outbound calls and messages really go out only with both the account and the token. */
    public boolean restConfigured() {
        return accountSid != null && authToken != null;
    }

    public boolean whatsappConfigured() {
        return restConfigured() && whatsappDevice != null;
    }

    /** {@code WHATSAPP_DEVICE} as E.164: the sender shared by every tenant that has none of its own. */
    public Optional<String> sharedWhatsAppSender() {
        return Optional.ofNullable(whatsappDevice)
                .map(device ->
                        PhoneNumbers.normalise(Phones.stripWhatsApp(device)).orElse(Phones.stripWhatsApp(device)));
    }
}
