package dev.agentlocator.telephony.twilio;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.telephony.LiveProviders;
import dev.agentlocator.telephony.ProviderStubs;
import dev.agentlocator.testkit.Api;
import dev.agentlocator.testkit.ServiceIntegrationTest;
import dev.agentlocator.testkit.TwilioSigner;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 16, item 5: with {@code APP_ENV=production} the public URL comes from
 * {@code TELEPHONY_PUBLIC_URL} only. A caller's forged {@code X-Forwarded-*} headers change neither
 * the URLs we hand Twilio nor the URL a signature is checked against.
 */
@ServiceIntegrationTest
@TestPropertySource(
        properties = {
            "APP_ENV=production",
            "DATABASE_PASSWORD=set-in-production-the-test-infrastructure-overrides-it",
            // base64 of 32 bytes: production encrypts tenants' own Twilio credentials with it (ADR 0032)
            "TELEPHONY_CREDENTIALS_KEY=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
            "TELEPHONY_PUBLIC_URL=" + PublicUrlInProductionIT.ORIGIN
        })
class PublicUrlInProductionIT extends LiveProviders {

    static final String ORIGIN = "https://calls.agentlocator.example";
    static final Map<String, String> FORGED = Map.of(
            "X-Forwarded-Host", "attacker.example",
            "X-Forwarded-Proto", "http",
            "X-Forwarded-Port", "8443",
            "X-Forwarded-Prefix", "/collect");

    UUID tenant;
    String number;
    UUID customer;

    @DynamicPropertySource
    static void crm(DynamicPropertyRegistry registry) {
        registry.add("agentlocator.telephony.crm.base-url", STUBS::url);
    }

    @BeforeEach
    void aTenantWithANumberAndACustomer() {
        tenant = UUID.randomUUID();
        number = "+9723" + digits(7);
        assignNumber(tenant, number);
        customer = UUID.randomUUID();
        String phone = "+97252" + digits(7);
        customerEvent(tenant, customer, "customer.created", "משה כהן", phone);
        awaitCustomer(tenant, customer);
        STUBS.crmResolves(customer, phone);
        STUBS.googleToken();
        STUBS.tts(0);
    }

    @Test
    void twimlAndCallbackUrlsAreOnTheConfiguredOriginWhateverTheHeadersSay() {
        Map<String, String> params = voice(sid("CA"), "+97250" + digits(7), number, "ringing");
        var twiml = forged(Api.at(port))
                .withHeader(
                        "X-Twilio-Signature",
                        TwilioSigner.sign(ProviderStubs.AUTH_TOKEN, ORIGIN + "/webhook/incoming_call", params))
                .send("POST", "/webhook/incoming_call", TwilioSigner.form(params), "application/x-www-form-urlencoded");

        assertThat(twiml.status()).isEqualTo(200);
        assertThat(twiml.body())
                .contains("<Play>" + ORIGIN + "/static/voice_responses/")
                .contains("action=\"" + ORIGIN + "/webhook/handle_recording\"")
                .doesNotContain("attacker.example", "/collect");

        STUBS.callCreated(sid("CA"));
        var call = forged(agent(tenant))
                .post("/api/customers/" + customer + "/call/start", "{\"agentPhone\":\"0501112222\"}");
        assertThat(call.status()).isEqualTo(201);
        assertThat(sentTo("Calls"))
                .containsEntry("Url", ORIGIN + "/webhook/outbound_connect?call=" + call.json("$.id"))
                .containsEntry("StatusCallback", ORIGIN + "/webhook/call_status");

        STUBS.messageCreated(sid("SM"));
        chooseOpeningTemplate(tenant); // nobody wrote yet: the opening goes as a template (ADR 0029)
        var message = forged(agent(tenant)).post("/api/customers/" + customer + "/whatsapp/start", "{}");
        assertThat(message.status()).isEqualTo(201);
        assertThat(sentTo("Messages")).containsEntry("StatusCallback", ORIGIN + "/webhook/whatsapp_status");
    }

    @Test
    void aSignatureIsCheckedAgainstTheConfiguredOriginOnly() {
        Map<String, String> params = voice(sid("CA"), "+972521234567", number, "completed");

        for (String signedUrl : new String[] {
            "http://attacker.example:8443/collect/webhook/call_status",
            "http://attacker.example/webhook/call_status",
            "http://127.0.0.1:" + port + "/webhook/call_status"
        }) {
            assertThat(signedFor(signedUrl, params).status()).as(signedUrl).isEqualTo(403);
        }
        assertThat(signedFor(ORIGIN + "/webhook/call_status", params).status()).isEqualTo(200);
    }

    private Api.Response signedFor(String url, Map<String, String> params) {
        return forged(Api.at(port))
                .withHeader("X-Twilio-Signature", TwilioSigner.sign(ProviderStubs.AUTH_TOKEN, url, params))
                .send("POST", "/webhook/call_status", TwilioSigner.form(params), "application/x-www-form-urlencoded");
    }

    private static Api forged(Api api) {
        Api out = api;
        for (var header : FORGED.entrySet()) {
            out = out.withHeader(header.getKey(), header.getValue());
        }
        return out;
    }

    /** The form of the last request our Twilio client sent to {@code resource}. */
    private static Map<String, String> sentTo(String resource) {
        var requests = STUBS.server.findAll(postRequestedFor(
                urlEqualTo("/2010-04-01/Accounts/" + ProviderStubs.ACCOUNT_SID + "/" + resource + ".json")));
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : requests.get(requests.size() - 1).getBodyAsString().split("&")) {
            int eq = pair.indexOf('=');
            out.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }
}
