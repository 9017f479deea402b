package dev.agentlocator.telephony.twilio;

import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import dev.agentlocator.telephony.common.Phones;
import dev.agentlocator.telephony.providers.ProviderException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Outbound Twilio REST calls through the twilio-java SDK: click-to-call and WhatsApp messages.
 * Behind a circuit breaker; never retried (a retry could ring a customer twice).
 */
@Component
public class TwilioRest {

    public static final String PROVIDER = "twilio-rest";
    private static final Logger log = LoggerFactory.getLogger(TwilioRest.class);

    private final CircuitBreaker breaker;
    private final TwilioRestClient client;

    TwilioRest(TwilioProperties properties, CircuitBreakerRegistry breakers) {
        this.breaker = breakers.circuitBreaker(PROVIDER);
        this.client = properties.restConfigured()
                ? new TwilioRestClient.Builder(properties.accountSid(), properties.authToken())
                        .httpClient(new TwilioHttp(properties.apiBaseUrl(), properties.timeout()))
                        .build()
                : null;
        if (client == null) {
            log.warn(
                    "TWILIO_SID / TWILIO_TOKEN are not set: calls and WhatsApp messages are stored, not sent (sandbox)");
        }
    }

    public boolean configured() {
        return client != null;
    }

    public record Placed(String sid, String status) {}

    /**
     * Rings {@code to} from {@code from}; when answered Twilio fetches {@code connectUrl} for what
     * to do, and reports progress to {@code statusUrl}.
     */
    public Placed call(String to, String from, String connectUrl, String statusUrl) {
        Call call = guarded(() -> Call.creator(new PhoneNumber(to), new PhoneNumber(from), URI.create(connectUrl))
                .setStatusCallback(URI.create(statusUrl))
                .setStatusCallbackEvent(List.of("initiated", "ringing", "answered", "completed"))
                .setTimeout(30)
                .create(client));
        return new Placed(
                call.getSid(),
                call.getStatus() == null ? "queued" : call.getStatus().toString());
    }

    /**
     * Sends a WhatsApp message to {@code to} (E.164) from {@code from}: a WhatsApp number (E.164) or a
     * Messaging Service SID ({@code MG…}), which picks the number itself.
     */
    public Placed whatsApp(String to, String from, String body, String statusUrl) {
        PhoneNumber recipient = new PhoneNumber(Phones.whatsApp(to));
        Message message = guarded(() -> (from.startsWith("MG")
                        ? Message.creator(recipient, from, body)
                        : Message.creator(recipient, new PhoneNumber(Phones.whatsApp(from)), body))
                .setStatusCallback(URI.create(statusUrl))
                .create(client));
        return new Placed(
                message.getSid(),
                message.getStatus() == null ? "queued" : message.getStatus().toString());
    }

    /**
     * Sends an approved Content template (Twilio's {@code ContentSid}, and {@code ContentVariables}
     * as a JSON object of placeholder to value): the only kind of message WhatsApp accepts outside
     * the 24-hour window. No {@code Body}.
     */
    public Placed whatsAppTemplate(String to, String from, String contentSid, String variablesJson, String statusUrl) {
        PhoneNumber recipient = new PhoneNumber(Phones.whatsApp(to));
        Message message = guarded(() -> {
            var creator = from.startsWith("MG")
                    ? Message.creator(recipient, from, (String) null)
                    : Message.creator(recipient, new PhoneNumber(Phones.whatsApp(from)), (String) null);
            creator.setContentSid(contentSid).setStatusCallback(URI.create(statusUrl));
            if (variablesJson != null) {
                creator.setContentVariables(variablesJson);
            }
            return creator.create(client);
        });
        return new Placed(
                message.getSid(),
                message.getStatus() == null ? "queued" : message.getStatus().toString());
    }

    /**
     * Runs an SDK call under the breaker. Twilio's 4xx (a bad number, a closed WhatsApp window) is
     * the request's fault, not an outage, so it does not count towards opening the circuit.
     */
    private <T> T guarded(Supplier<T> call) {
        if (client == null) {
            throw new ProviderException(PROVIDER, "not_configured", "TWILIO_SID / TWILIO_TOKEN are not set");
        }
        try {
            breaker.acquirePermission();
        } catch (CallNotPermittedException e) {
            throw new ProviderException(PROVIDER, "circuit_open", "circuit breaker is open", e);
        }
        long started = System.nanoTime();
        try {
            T result = call.get();
            breaker.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            return result;
        } catch (ApiException e) {
            Integer status = e.getStatusCode();
            if (status != null && status >= 400 && status < 500 && status != 429) {
                breaker.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            } else {
                breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, e);
            }
            String reason = status == null ? "unreachable" : "http_" + status;
            if (e.getCode() != null) {
                reason = reason + "_" + e.getCode();
            }
            throw new ProviderException(PROVIDER, reason, String.valueOf(e.getMessage()), e);
        } catch (TwilioException e) {
            breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, e);
            throw new ProviderException(PROVIDER, "error", String.valueOf(e.getMessage()), e);
        }
    }
}
