package dev.agentlocator.telephony.twilio;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.telephony.LiveProviders;
import dev.agentlocator.telephony.ProviderStubs;
import dev.agentlocator.testkit.Api;
import dev.agentlocator.testkit.PathSpellings;
import dev.agentlocator.testkit.PathSpellings.Spelling;
import dev.agentlocator.testkit.ServiceIntegrationTest;
import dev.agentlocator.testkit.TwilioSigner;
import dev.agentlocator.testkit.WithoutCanonicalPathFilter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 16, item 1, straight to the service (no gateway in front): every spelling of every webhook
 * path that Spring MVC routes to a webhook handler needs a valid signature, and none that lacks one
 * stores a call, a lead, a status or a WhatsApp message.
 */
// service-kit's canonical-path filter would refuse most spellings first; without it this shows
// that the guard bound to the handlers holds on its own for every spelling the dispatcher routes.
@Import(WithoutCanonicalPathFilter.class)
@ServiceIntegrationTest
class WebhookSpellingsIT extends LiveProviders {

    static final List<String> WEBHOOKS = List.of(
            "/webhook/incoming_call",
            "/webhook/handle_recording",
            "/webhook/call_status",
            "/webhook/outbound_connect",
            "/webhook/whatsapp_incoming",
            "/webhook/whatsapp_status");

    UUID tenant;
    String number;
    String callSid;
    String messageSid;
    UUID outboundCall;

    @DynamicPropertySource
    static void crm(DynamicPropertyRegistry registry) {
        registry.add("agentlocator.telephony.crm.base-url", STUBS::url);
    }

    /** A tenant with a number, one answered call, one click-to-call and one WhatsApp message in flight. */
    @BeforeEach
    void aTenantWithACallAndAMessage() {
        tenant = UUID.randomUUID();
        number = "+9723" + digits(7);
        assignNumber(tenant, number);
        STUBS.googleToken();
        STUBS.tts(0);
        UUID customer = UUID.randomUUID();
        String phone = "+97254" + digits(7);
        customerEvent(tenant, customer, "customer.created", "דנה לוי", phone);
        awaitCustomer(tenant, customer);

        callSid = sid("CA");
        assertThat(webhook("/webhook/incoming_call", voice(callSid, phone, number, "ringing"))
                        .status())
                .isEqualTo(200);
        messageSid = sid("SM");
        STUBS.messageCreated(messageSid);
        chooseOpeningTemplate(tenant); // nobody wrote yet: the opening goes as a template (ADR 0029)
        assertThat(agent(tenant)
                        .post("/api/customers/" + customer + "/whatsapp/start", "{}")
                        .status())
                .isEqualTo(201);
        STUBS.callCreated(sid("CA"));
        var clickToCall =
                agent(tenant).post("/api/customers/" + customer + "/call/start", "{\"agentPhone\":\"0501112222\"}");
        assertThat(clickToCall.status()).isEqualTo(201);
        outboundCall = UUID.fromString(clickToCall.json("$.id"));
        STUBS.crmResolves(UUID.randomUUID(), "+97250" + digits(7));
        STUBS.server.resetRequests();
    }

    @Test
    void everySpellingThatReachesAWebhookHandlerNeedsASignatureAndUnsignedOnesStoreNothing() {
        Set<String> routed = spellingsThatReachAWebhookHandler();
        Map<String, Long> before = counts();
        List<String> failures = new ArrayList<>();

        for (String webhook : WEBHOOKS) {
            for (Spelling spelling : PathSpellings.named(webhook)) {
                String path = spelling.path() + query(webhook);
                boolean reachesTheHandler = routed.contains(spelling.name());
                for (Api caller : List.of(unsigned(), Api.at(port).withHeader("X-Twilio-Signature", "c29tZXRoaW5n"))) {
                    var response = caller.send(
                            "POST", path, TwilioSigner.form(forged(webhook)), "application/x-www-form-urlencoded");
                    boolean refusedBySignature =
                            response.status() == 403 && response.body().contains("\"invalid_signature\"");
                    boolean refusedAsBadInput = response.status() >= 400 && response.status() < 500;
                    if (reachesTheHandler ? !refusedBySignature : !refusedAsBadInput) {
                        failures.add(spelling + " answered " + response.status() + " " + response.body());
                    }
                }
            }
        }

        assertThat(failures).isEmpty();
        assertThat(routed)
                .as("the table exercises spellings the dispatcher really routes")
                .contains(
                        "canonical",
                        "first letter percent-encoded in segment 1",
                        "every letter lower-case hex in segment 1",
                        "every letter upper-case hex in segment 2");
        assertThat(counts())
                .as("no call, turn or message stored, no status changed")
                .isEqualTo(before);
        assertThat(STUBS.server.findAll(postRequestedFor(urlEqualTo("/internal/customers/resolve"))))
                .as("no lead filed in crm")
                .isEmpty();
    }

    @Test
    void otherMethodsOnAWebhookPathReachNoHandler() {
        Map<String, Long> before = counts();
        for (String method : List.of("GET", "HEAD", "PUT", "DELETE", "PATCH")) {
            String query = "?CallSid=" + sid("CA") + "&From=%2B972521234567&To=" + number.replace("+", "%2B");
            var response = unsigned().send(method, "/webhook/incoming_call" + query, null, null);
            assertThat(response.status()).as(method).isGreaterThanOrEqualTo(400);
        }
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aSignedSpellingIsVerifiedAgainstTheUrlTwilioRequested() {
        String spelled = "/%77ebhook/call_status";
        Map<String, String> params = status(callSid, "in-progress");

        var signedForTheCanonicalUrl = Api.at(port)
                .withHeader(
                        "X-Twilio-Signature",
                        TwilioSigner.sign(
                                ProviderStubs.AUTH_TOKEN, "http://127.0.0.1:" + port + "/webhook/call_status", params))
                .send("POST", spelled, TwilioSigner.form(params), "application/x-www-form-urlencoded");

        assertThat(signedForTheCanonicalUrl.status()).isEqualTo(403);
        assertThat(webhook(spelled, params).status()).isEqualTo(200);
        assertThat(jdbc.sql("select status from call_log where call_sid = ?")
                        .param(callSid)
                        .query(String.class)
                        .single())
                .isEqualTo("in-progress");
    }

    /**
     * The spellings Spring MVC routes to a webhook handler: a signed, harmless call_status (an unknown
     * CallSid changes nothing) answers {@code OK} only when it reaches the handler. Every webhook path
     * is {@code /webhook/<name>}, so a spelling routes alike for all of them.
     */
    private Set<String> spellingsThatReachAWebhookHandler() {
        Set<String> routed = new LinkedHashSet<>();
        for (Spelling spelling : PathSpellings.named("/webhook/call_status")) {
            var response = webhook(spelling.path(), status(sid("CA"), "completed"));
            if (response.status() == 200 && response.body().equals("OK")) {
                routed.add(spelling.name());
            }
        }
        return routed;
    }

    private Api unsigned() {
        return Api.at(port);
    }

    private String query(String webhook) {
        return webhook.endsWith("outbound_connect") ? "?call=" + outboundCall : "";
    }

    private Map<String, String> forged(String webhook) {
        String caller = "+97250" + digits(7);
        return switch (webhook) {
            case "/webhook/incoming_call" -> voice(sid("CA"), caller, number, "ringing");
            case "/webhook/handle_recording" ->
                recorded(callSid, caller, number, sid("RE"), STUBS.recording(sid("RE")), 4);
            case "/webhook/call_status" -> status(callSid, "completed");
            case "/webhook/outbound_connect" -> voice(sid("CA"), "+972501112222", number, "in-progress");
            case "/webhook/whatsapp_incoming" -> {
                Map<String, String> p = new LinkedHashMap<>();
                p.put("AccountSid", ProviderStubs.ACCOUNT_SID);
                p.put("MessageSid", sid("SM"));
                p.put("From", "whatsapp:" + caller);
                p.put("To", "whatsapp:" + ProviderStubs.WHATSAPP_DEVICE);
                p.put("Body", "הודעה מזויפת");
                p.put("NumMedia", "0");
                yield p;
            }
            case "/webhook/whatsapp_status" -> {
                Map<String, String> p = new LinkedHashMap<>();
                p.put("AccountSid", ProviderStubs.ACCOUNT_SID);
                p.put("MessageSid", messageSid);
                p.put("MessageStatus", "read");
                yield p;
            }
            default -> throw new IllegalArgumentException(webhook);
        };
    }

    private Map<String, String> status(String sid, String status) {
        Map<String, String> p = voice(sid, "+972521234567", number, status);
        p.put("CallDuration", "42");
        return p;
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of(
                "call_log",
                "call_turn",
                "call_status_event",
                "whatsapp_message",
                "whatsapp_status_event",
                "outbox_event")) {
            counts.put(
                    table,
                    jdbc.sql("select count(*) from " + table).query(Long.class).single());
        }
        counts.put(
                "call status changed",
                jdbc.sql("select count(*) from call_log where call_sid = ? and status <> 'ringing'")
                        .param(callSid)
                        .query(Long.class)
                        .single());
        return counts;
    }
}
