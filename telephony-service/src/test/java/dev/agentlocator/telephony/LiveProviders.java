package dev.agentlocator.telephony;

import dev.agentlocator.platform.events.EventEnvelope;
import dev.agentlocator.platform.events.Topics;
import dev.agentlocator.testkit.Api;
import dev.agentlocator.testkit.TestJwt;
import dev.agentlocator.testkit.TwilioSigner;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the integration tests that run with every provider "configured": Twilio, OpenAI, Google
 * and crm all point at {@link ProviderStubs}. Timeouts are shortened (2 s per provider, 6 s per
 * turn) so slow-provider cases run in seconds; the logic is the production one.
 */
public abstract class LiveProviders {

    public static final ProviderStubs STUBS = new ProviderStubs();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected KafkaTemplate<String, String> kafka;

    @Autowired
    protected JsonMapper json;

    @Autowired
    CircuitBreakerRegistry breakers;

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        registry.add("agentlocator.telephony.twilio.account-sid", () -> ProviderStubs.ACCOUNT_SID);
        registry.add("agentlocator.telephony.twilio.auth-token", () -> ProviderStubs.AUTH_TOKEN);
        registry.add("agentlocator.telephony.twilio.whatsapp-device", () -> ProviderStubs.WHATSAPP_DEVICE);
        registry.add("agentlocator.telephony.twilio.api-base-url", STUBS::url);
        registry.add("agentlocator.telephony.twilio.content-base-url", STUBS::url);
        registry.add("agentlocator.telephony.twilio.timeout", () -> "2s");
        registry.add("agentlocator.telephony.openai.api-key", () -> ProviderStubs.OPENAI_KEY);
        registry.add("agentlocator.telephony.openai.base-url", STUBS::url);
        registry.add("agentlocator.telephony.openai.transcription-timeout", () -> "2s");
        registry.add("agentlocator.telephony.openai.chat-timeout", () -> "2s");
        registry.add("agentlocator.telephony.google.credentials-file", () -> STUBS.googleCredentials.toString());
        registry.add("agentlocator.telephony.google.base-url", STUBS::url);
        registry.add("agentlocator.telephony.google.timeout", () -> "2s");
        registry.add("agentlocator.telephony.receptionist.turn-deadline", () -> "6s");
        registry.add("agentlocator.telephony.receptionist.greeting-budget", () -> "2s");
    }

    @BeforeEach
    void freshStubsAndClosedBreakers() {
        STUBS.reset();
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    /** A signed Twilio webhook, form-encoded, to the URL Twilio would have used. */
    protected Api.Response webhook(String path, Map<String, String> params) {
        String url = "http://127.0.0.1:" + port + path;
        return Api.at(port)
                .withHeader("X-Twilio-Signature", TwilioSigner.sign(ProviderStubs.AUTH_TOKEN, url, params))
                .send("POST", path, TwilioSigner.form(params), "application/x-www-form-urlencoded");
    }

    /** The parameters Twilio sends to a voice webhook (see Twilio's "TwiML voice request" docs). */
    protected static Map<String, String> voice(String callSid, String from, String to, String status) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("AccountSid", ProviderStubs.ACCOUNT_SID);
        p.put("ApiVersion", "2010-04-01");
        p.put("CallSid", callSid);
        p.put("CallStatus", status);
        p.put("Called", to);
        p.put("Caller", from);
        p.put("Direction", "inbound");
        p.put("From", from);
        p.put("FromCountry", "IL");
        p.put("To", to);
        p.put("ToCountry", "IL");
        return p;
    }

    /** What {@code <Record action>} posts: the voice parameters plus the recording's. */
    protected static Map<String, String> recorded(
            String callSid, String from, String to, String recordingSid, String recordingUrl, int seconds) {
        Map<String, String> p = voice(callSid, from, to, "in-progress");
        p.put("RecordingSid", recordingSid);
        p.put("RecordingUrl", recordingUrl);
        p.put("RecordingDuration", Integer.toString(seconds));
        p.put("Digits", "*");
        return p;
    }

    protected Api admin(UUID tenantId) {
        return Api.at(port).withToken(TestJwt.token(UUID.randomUUID(), tenantId, "admin"));
    }

    protected Api agent(UUID tenantId) {
        return Api.at(port).withToken(TestJwt.token(UUID.randomUUID(), tenantId, "agent"));
    }

    protected Api owner(UUID tenantId) {
        return Api.at(port).withToken(TestJwt.token(UUID.randomUUID(), tenantId, "owner"));
    }

    /** The owner picks the approved opening template from Twilio's Content API (the stub's). */
    protected void chooseOpeningTemplate(UUID tenantId) {
        STUBS.contentTemplates();
        var response = owner(tenantId)
                .put(
                        "/api/whatsapp/templates/purposes/opening",
                        "{\"contentSid\":\"" + ProviderStubs.OPENING_TEMPLATE + "\"}");
        if (response.status() != 200) {
            throw new AssertionError("Choosing the opening template: " + response.status() + " " + response.body());
        }
    }

    /** Gives {@code tenantId} the Twilio number {@code phone} through the settings API. */
    protected void assignNumber(UUID tenantId, String phone) {
        var response = admin(tenantId).put("/api/calls/numbers/" + phone, "{\"label\":\"ראשי\"}");
        if (response.status() != 200) {
            throw new AssertionError("Assigning " + phone + ": " + response.status() + " " + response.body());
        }
    }

    /** crm-service's event for a customer, as crm publishes it on crm.customer.v1. */
    protected void customerEvent(UUID tenantId, UUID customerId, String type, String name, String phone) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("name", name);
        payload.put("phone", phone);
        payload.put("status", "new");
        payload.put("source", "manual");
        var event = new EventEnvelope(
                UUID.randomUUID(), type, 1, tenantId, customerId, OffsetDateTime.now(), "test", payload);
        kafka.send(Topics.CRM_CUSTOMER, customerId.toString(), json.writeValueAsString(event))
                .join();
    }

    protected void awaitCustomer(UUID tenantId, UUID customerId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            long n = jdbc.sql("select count(*) from customer where tenant_id = ? and id = ?")
                    .param(tenantId)
                    .param(customerId)
                    .query(Long.class)
                    .single();
            if (n > 0) {
                return;
            }
            sleep(50);
        }
        throw new AssertionError("customer " + customerId + " never reached the directory");
    }

    protected static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code n} random digits, the first never 0: unique phone numbers per test. */
    protected static String digits(int n) {
        var out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append(java.util.concurrent.ThreadLocalRandom.current().nextInt(i == 0 ? 1 : 0, 10));
        }
        return out.toString();
    }

    protected static String sid(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "");
    }
}
