package dev.agentlocator.telephony.calls;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.platform.events.Topics;
import dev.agentlocator.telephony.LiveProviders;
import dev.agentlocator.telephony.ProviderStubs;
import dev.agentlocator.testkit.Api;
import dev.agentlocator.testkit.ServiceIntegrationTest;
import dev.agentlocator.testkit.TestJwt;
import dev.agentlocator.testkit.TopicReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** SPEC C3 click-to-call through the twilio-java SDK against a stub of Twilio's REST API. */
@ServiceIntegrationTest
class ClickToCallIT extends LiveProviders {

    UUID tenant;
    String number;
    UUID customer;
    String customerPhone;

    @DynamicPropertySource
    static void crm(DynamicPropertyRegistry registry) {
        registry.add("agentlocator.telephony.crm.base-url", STUBS::url);
    }

    @BeforeEach
    void aTenantWithANumberAndACustomer() {
        tenant = UUID.randomUUID();
        number = "+9723" + digits(7);
        customer = UUID.randomUUID();
        customerPhone = "+97252" + digits(7);
        assignNumber(tenant, number);
        customerEvent(tenant, customer, "customer.created", "משה כהן", customerPhone);
        awaitCustomer(tenant, customer);
    }

    @Test
    void startingACallRingsTheAgentThenBridgesToTheCustomer() {
        String callSid = sid("CA");
        STUBS.callCreated(callSid);

        var started =
                agent(tenant).post("/api/customers/" + customer + "/call/start", "{\"agentPhone\":\"050-7654321\"}");

        assertThat(started.status()).isEqualTo(201);
        assertThat(started.<String>json("$.callSid")).isEqualTo(callSid);
        assertThat(started.<String>json("$.status")).isEqualTo("queued");
        assertThat(started.<Boolean>json("$.sandbox")).isFalse();
        assertThat(started.<String>json("$.direction")).isEqualTo("outbound");
        assertThat(started.<String>json("$.to")).isEqualTo(customerPhone);
        String callId = started.json("$.id");
        Map<String, String> sent = form(STUBS.server
                .findAll(postRequestedFor(
                        urlEqualTo("/2010-04-01/Accounts/" + ProviderStubs.ACCOUNT_SID + "/Calls.json")))
                .get(0)
                .getBodyAsString());
        String origin = "http://127.0.0.1:" + port;
        assertThat(sent)
                .containsEntry("To", "+972507654321")
                .containsEntry("From", number)
                .containsEntry("Url", origin + "/webhook/outbound_connect?call=" + callId)
                .containsEntry("StatusCallback", origin + "/webhook/call_status");

        var bridge = webhook("/webhook/outbound_connect?call=" + callId, outbound(callSid, "in-progress"));
        assertThat(bridge.status()).isEqualTo(200);
        assertThat(bridge.body())
                .isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Dial callerId=\"" + number
                        + "\"><Number>" + customerPhone + "</Number></Dial></Response>");

        for (String status : List.of("initiated", "ringing", "in-progress")) {
            assertThat(webhook("/webhook/call_status", outbound(callSid, status))
                            .body())
                    .isEqualTo("OK");
        }
        var completed = outbound(callSid, "completed");
        completed.put("CallDuration", "65");
        webhook("/webhook/call_status", completed);

        var event = TopicReader.awaitRecord(
                Topics.TELEPHONY_CALL,
                r -> r.value().contains(callSid) && r.value().contains("\"type\":\"call.completed\""),
                Duration.ofSeconds(20));
        assertThat(event.key()).isEqualTo(customer.toString());
        assertThat(event.value())
                .contains("\"direction\":\"outbound\"", "\"answeredBy\":\"agent\"", "\"durationSeconds\":65");
        var detail = agent(tenant).get("/api/calls/" + callId);
        assertThat(detail.<List<String>>json("$.statusHistory[*].status"))
                .containsExactlyInAnyOrder("queued", "initiated", "ringing", "in-progress", "completed");
        assertThat(detail.<String>json("$.call.customerName")).isEqualTo("משה כהן");
    }

    @Test
    void theForwardingNumberFromSettingsIsUsedWhenTheBodyHasNone() {
        STUBS.callCreated(sid("CA"));
        var owner = Api.at(port).withToken(TestJwt.token(UUID.randomUUID(), tenant, "owner"));
        assertThat(agent(tenant)
                        .post("/api/customers/" + customer + "/call/start", "")
                        .<String>json("$.error"))
                .isEqualTo("agent_phone_required");

        assertThat(owner.put("/api/calls/settings", "{\"forwardTo\":\"03-1234567\"}")
                        .<String>json("$.forwardTo"))
                .isEqualTo("+97231234567");
        var started = agent(tenant).post("/api/customers/" + customer + "/call/start", "");

        assertThat(started.status()).isEqualTo(201);
        assertThat(started.<String>json("$.agentPhone")).isEqualTo("+97231234567");
    }

    @Test
    void twiliosRefusalIsA502WithAHebrewMessageAndTheCallIsLoggedAsFailed() {
        STUBS.twilioRefuses("Calls", 400, 21211, "The 'To' number +972507654321 is not a valid phone number.");

        var refused =
                agent(tenant).post("/api/customers/" + customer + "/call/start", "{\"agentPhone\":\"0507654321\"}");

        assertThat(refused.status()).isEqualTo(502);
        assertThat(refused.<String>json("$.error")).isEqualTo("call_failed");
        assertThat(refused.<String>json("$.message")).isEqualTo("לא הצלחנו להתחיל את השיחה. נסו שוב בעוד רגע.");
        assertThat(refused.<String>json("$.details.reason")).isEqualTo("http_400_21211");
        var logged = agent(tenant).get("/api/calls/" + refused.json("$.details.callId"));
        assertThat(logged.<String>json("$.call.status")).isEqualTo("failed");
        assertThat(logged.<String>json("$.call.error")).isEqualTo("twilio-rest: http_400_21211");
    }

    @Test
    void onlyTheTenantsLiveCustomersCanBeCalledAndViewersCannotCall() {
        STUBS.callCreated(sid("CA"));
        var body = "{\"agentPhone\":\"0507654321\"}";
        assertThat(agent(UUID.randomUUID())
                        .post("/api/customers/" + customer + "/call/start", body)
                        .<String>json("$.error"))
                .isEqualTo("customer_not_found");
        var viewer = Api.at(port).withToken(TestJwt.token(UUID.randomUUID(), tenant, "viewer"));
        assertThat(viewer.post("/api/customers/" + customer + "/call/start", body)
                        .status())
                .isEqualTo(403);
        assertThat(agent(tenant)
                        .post("/api/customers/not-a-uuid/call/start", body)
                        .status())
                .isEqualTo(400);
        assertThat(agent(tenant)
                        .post("/api/customers/" + customer + "/call/start", "{\"agentPhone\":\"12\"}")
                        .<String>json("$.error"))
                .isEqualTo("invalid_phone");
        STUBS.server.verify(
                0, postRequestedFor(urlEqualTo("/2010-04-01/Accounts/" + ProviderStubs.ACCOUNT_SID + "/Calls.json")));
    }

    @Test
    void numbersAreAssignedByThePlatformAdminOnlyAndBelongToOneTenant() {
        var owner = Api.at(port).withToken(TestJwt.token(UUID.randomUUID(), tenant, "owner"));
        assertThat(owner.put("/api/calls/numbers/+97237777777", "{}").status()).isEqualTo(403);
        assertThat(owner.get("/api/calls/numbers").<List<String>>json("$[*].phone"))
                .containsExactly(number);
        var otherTenant = UUID.randomUUID();
        var taken = admin(otherTenant).put("/api/calls/numbers/" + number, "{\"tenantId\":\"" + otherTenant + "\"}");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.<String>json("$.error")).isEqualTo("number_taken");
        assertThat(admin(otherTenant).put("/api/calls/numbers/abc", "{}").<String>json("$.error"))
                .isEqualTo("invalid_phone");
    }

    private static Map<String, String> outbound(String callSid, String status) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("AccountSid", ProviderStubs.ACCOUNT_SID);
        p.put("CallSid", callSid);
        p.put("CallStatus", status);
        p.put("Direction", "outbound-api");
        p.put("From", "+97231112222");
        p.put("To", "+972507654321");
        p.put("ApiVersion", "2010-04-01");
        return p;
    }

    static Map<String, String> form(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            out.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }
}
