package dev.agentlocator.telephony.numbers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SPEC C16 "the office's own phone number" (ADR 0032): an owner connects a Twilio account of their own
 * or buys a number on the platform's; our webhooks are set through Twilio's API and the previous ones
 * restored on disconnect; each number's webhooks are verified with its own account's token. Twilio is
 * the local stub speaking its REST wire format.
 */
@ServiceIntegrationTest
class NumberSetupIT extends LiveProviders {

    /** The first REST call of a fresh JVM is slow (class loading on a busy machine); made once, unasserted. */
    static boolean warm;

    TwilioNumbersStub twilio;
    UUID tenant;
    String accountSid;
    String token;

    @BeforeEach
    void aTenantWithItsOwnTwilioAccount() {
        twilio = new TwilioNumbersStub(STUBS.server);
        tenant = UUID.randomUUID();
        accountSid = "AC" + hex(32);
        token = hex(32);
        if (!warm) {
            twilio.available(ProviderStubs.ACCOUNT_SID, ProviderStubs.AUTH_TOKEN, List.of("+97231111111"));
            owner(tenant).get("/api/calls/numbers/setup/available");
            warm = true;
        }
    }

    @Test
    void connectingAnOwnNumberSetsOurWebhooksAndDisconnectingRestoresTheOldOnes() {
        String phone = "+9723" + digits(7);
        String phoneSid = "PN" + hex(32);
        List<Map<String, Object>> numbers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            numbers.add(TwilioNumbersStub.number(accountSid, "PN" + hex(32), "+9724" + digits(7), null, null, null));
        }
        var before = TwilioNumbersStub.number(
                accountSid, phoneSid, phone, "https://old.example.com/voice", "https://old.example.com/status", null);
        numbers.add(before);
        twilio.incomingNumbers(accountSid, token, numbers, 2);
        String origin = "http://127.0.0.1:" + port;
        var after = TwilioNumbersStub.number(
                accountSid,
                phoneSid,
                phone,
                origin + "/webhook/incoming_call",
                origin + "/webhook/call_status",
                origin + "/webhook/whatsapp_incoming");
        twilio.instance(accountSid, token, before, after);

        var connected = owner(tenant).put("/api/calls/numbers/setup/account", account(accountSid, token));
        assertThat(connected.status()).isEqualTo(200);
        assertThat(connected.<String>json("$.accountSid")).isEqualTo(accountSid);
        var listed = owner(tenant).get("/api/calls/numbers/setup/account/numbers");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.<List<String>>json("$[*].phoneNumber")).hasSize(5).contains(phone);

        var picked = owner(tenant)
                .post("/api/calls/numbers/setup/connect", "{\"phoneSid\":\"" + phoneSid + "\",\"label\":\"משרד\"}");
        assertThat(picked.status()).isEqualTo(201);
        assertThat(picked.<String>json("$.source")).isEqualTo("own");
        Map<String, String> set =
                lastPost("/2010-04-01/Accounts/" + accountSid + "/IncomingPhoneNumbers/" + phoneSid + ".json");
        assertThat(set)
                .containsEntry("VoiceUrl", origin + "/webhook/incoming_call")
                .containsEntry("VoiceMethod", "POST")
                .containsEntry("StatusCallback", origin + "/webhook/call_status")
                .containsEntry("SmsUrl", origin + "/webhook/whatsapp_incoming");
        assertThat(owner(tenant).get("/api/calls/numbers").<List<String>>json("$[*].phone"))
                .containsExactly(phone);
        var health = owner(tenant).get("/api/calls/numbers/setup/numbers/" + phone + "/health");
        assertThat(health.<Boolean>json("$.webhooksPointHere")).isTrue();
        assertThat(health.<Integer>json("$.signatureFailuresLastDay")).isZero();

        assertThat(owner(tenant)
                        .delete("/api/calls/numbers/setup/numbers/" + phone)
                        .status())
                .isEqualTo(204);
        Map<String, String> restored =
                lastPost("/2010-04-01/Accounts/" + accountSid + "/IncomingPhoneNumbers/" + phoneSid + ".json");
        assertThat(restored)
                .containsEntry("VoiceUrl", "https://old.example.com/voice")
                .containsEntry("StatusCallback", "https://old.example.com/status")
                .containsEntry("SmsUrl", "");
        assertThat(owner(tenant).get("/api/calls/numbers").<List<String>>json("$[*].phone"))
                .isEmpty();
    }

    @Test
    void theTokenIsStoredEncryptedAndWrongCredentialsAreRefusedWithTwiliosCode() {
        twilio.incomingNumbers(accountSid, token, List.of(), 50);

        var wrong = owner(tenant).put("/api/calls/numbers/setup/account", account(accountSid, hex(32)));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.<String>json("$.error")).isEqualTo("twilio_credentials_rejected");
        assertThat(wrong.<Integer>json("$.details.twilioCode")).isEqualTo(20003);
        assertThat(owner(tenant).get("/api/calls/numbers/setup").<Object>json("$.account"))
                .isNull();

        assertThat(owner(tenant)
                        .put("/api/calls/numbers/setup/account", account(accountSid, token))
                        .status())
                .isEqualTo(200);
        byte[] stored = jdbc.sql("select secrets from twilio_account where tenant_id = ?")
                .param(tenant)
                .query(byte[].class)
                .single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(token);
        assertThat(owner(tenant).get("/api/calls/numbers/setup").body()).doesNotContain(token);
    }

    @Test
    void aWebhookIsVerifiedWithTheTokenOfTheAccountThatOwnsTheDialledNumber() {
        String own = connectOwnNumber();
        String platformNumber = "+9723" + digits(7);
        UUID other = UUID.randomUUID();
        assignNumber(other, platformNumber);

        var ownSigned = voiceWebhook(token, own, accountSid);
        assertThat(ownSigned.status()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from call_log where tenant_id = ? and to_number = ?")
                        .param(tenant)
                        .param(own)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        var platformSignedForOwn = voiceWebhook(ProviderStubs.AUTH_TOKEN, own, ProviderStubs.ACCOUNT_SID);
        assertThat(platformSignedForOwn.status()).isEqualTo(403);
        assertThat(platformSignedForOwn.<String>json("$.error")).isEqualTo("invalid_signature");

        var ownSignedForPlatform = voiceWebhook(token, platformNumber, accountSid);
        assertThat(ownSignedForPlatform.status()).isEqualTo(403);
        assertThat(voiceWebhook(ProviderStubs.AUTH_TOKEN, platformNumber, ProviderStubs.ACCOUNT_SID)
                        .status())
                .isEqualTo(200);

        var health = owner(tenant).get("/api/calls/numbers/setup/numbers/" + own + "/health");
        assertThat(health.<Integer>json("$.signatureFailuresLastDay")).isEqualTo(1);
        assertThat(health.<String>json("$.lastCallAt")).isNotNull();
    }

    @Test
    void aTenantsTokenCannotVouchForAnotherTenantsCall() {
        String own = connectOwnNumber();
        String platformNumber = "+9723" + digits(7);
        UUID other = UUID.randomUUID();
        assignNumber(other, platformNumber);
        String otherCall = sid("CA");
        assertThat(voiceWebhook(ProviderStubs.AUTH_TOKEN, platformNumber, ProviderStubs.ACCOUNT_SID, otherCall)
                        .status())
                .isEqualTo(200);

        var forged = voiceWebhook(token, own, accountSid, otherCall);

        assertThat(forged.status()).isEqualTo(403);
    }

    @Test
    void anOwnNumbersRecordingIsFetchedWithItsAccountAndOnlyFromItsAccount() {
        String own = connectOwnNumber();
        String callSid = sid("CA");
        assertThat(voiceWebhook(token, own, accountSid, callSid).status()).isEqualTo(200);
        String ownRecording = "/2010-04-01/Accounts/" + accountSid + "/Recordings/" + sid("RE");
        STUBS.server.stubFor(get(urlEqualTo(ownRecording + ".wav"))
                .withBasicAuth(accountSid, token)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "audio/x-wav")
                        .withBody(new byte[] {'R', 'I', 'F', 'F'})));

        var turn = recordingWebhook(token, own, callSid, STUBS.url() + ownRecording);

        assertThat(turn.status()).isEqualTo(200);
        assertThat(STUBS.server.findAll(getRequestedFor(urlEqualTo(ownRecording + ".wav"))))
                .hasSize(1)
                .allSatisfy(r -> assertThat(r.getHeader("Authorization"))
                        .isEqualTo("Basic "
                                + Base64.getEncoder()
                                        .encodeToString((accountSid + ":" + token).getBytes(StandardCharsets.UTF_8))));

        String platformRecording = "/2010-04-01/Accounts/" + ProviderStubs.ACCOUNT_SID + "/Recordings/" + sid("RE");
        STUBS.recording(platformRecording.substring(platformRecording.lastIndexOf('/') + 1));
        assertThat(recordingWebhook(token, own, callSid, STUBS.url() + platformRecording)
                        .status())
                .isEqualTo(200);
        assertThat(STUBS.server.findAll(getRequestedFor(urlEqualTo(platformRecording + ".wav"))))
                .as("another account's recording is never fetched for this number")
                .isEmpty();
    }

    @Test
    void buyingOnThePlatformsAccountSetsOurWebhooksInThePurchase() {
        String phone = "+9723" + digits(7);
        String phoneSid = "PN" + hex(32);
        twilio.available(ProviderStubs.ACCOUNT_SID, ProviderStubs.AUTH_TOKEN, List.of(phone, "+9723" + digits(7)));
        twilio.buys(
                ProviderStubs.ACCOUNT_SID,
                ProviderStubs.AUTH_TOKEN,
                TwilioNumbersStub.number(ProviderStubs.ACCOUNT_SID, phoneSid, phone, null, null, null));

        var available = owner(tenant).get("/api/calls/numbers/setup/available?type=local");
        assertThat(available.status()).isEqualTo(200);
        assertThat(available.<List<String>>json("$[*].phoneNumber")).contains(phone);
        var bought = owner(tenant)
                .post("/api/calls/numbers/setup/buy", "{\"phoneNumber\":\"" + phone + "\",\"label\":\"ראשי\"}");

        assertThat(bought.status()).isEqualTo(201);
        assertThat(bought.<String>json("$.source")).isEqualTo("platform");
        Map<String, String> sent =
                lastPost("/2010-04-01/Accounts/" + ProviderStubs.ACCOUNT_SID + "/IncomingPhoneNumbers.json");
        String origin = "http://127.0.0.1:" + port;
        assertThat(sent)
                .containsEntry("PhoneNumber", phone)
                .containsEntry("VoiceUrl", origin + "/webhook/incoming_call")
                .containsEntry("StatusCallback", origin + "/webhook/call_status")
                .containsEntry("SmsUrl", origin + "/webhook/whatsapp_incoming");
        assertThat(voiceWebhook(ProviderStubs.AUTH_TOKEN, phone, ProviderStubs.ACCOUNT_SID)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aNumberNoLongerForSaleIsA409WithTwiliosCode() {
        twilio.buyingUnavailable(ProviderStubs.ACCOUNT_SID, ProviderStubs.AUTH_TOKEN);

        var refused = owner(tenant).post("/api/calls/numbers/setup/buy", "{\"phoneNumber\":\"+97231234567\"}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.<String>json("$.error")).isEqualTo("number_unavailable");
        assertThat(refused.<Integer>json("$.details.twilioCode")).isEqualTo(21452);
        assertThat(owner(tenant).get("/api/calls/numbers").<List<String>>json("$[*].phone"))
                .isEmpty();
    }

    @Test
    void theTestCallRingsTheNumberFromItselfOnItsOwnAccount() {
        String own = connectOwnNumber();
        String callSid = sid("CA");
        twilio.callCreated(accountSid, token, callSid);

        var placed = owner(tenant).post("/api/calls/numbers/setup/numbers/" + own + "/test-call", "");

        assertThat(placed.status()).isEqualTo(201);
        assertThat(placed.<String>json("$.callSid")).isEqualTo(callSid);
        assertThat(lastPost("/2010-04-01/Accounts/" + accountSid + "/Calls.json"))
                .containsEntry("To", own)
                .containsEntry("From", own)
                .containsKey("Twiml");
    }

    @Test
    void malformedInputIsA400JsonError() {
        var api = owner(tenant);
        for (var bad : List.of(
                api.put("/api/calls/numbers/setup/account", "{\"accountSid\":\"nope\",\"authToken\":\"x\"}"),
                api.put("/api/calls/numbers/setup/account", "{not json"),
                api.put(
                        "/api/calls/numbers/setup/account",
                        "{\"accountSid\":\"" + accountSid + "\",\"authToken\":\"" + token + "\",\"apiKeySid\":\"SK"
                                + hex(32) + "\"}"),
                api.post("/api/calls/numbers/setup/connect", "{\"phoneSid\":\"PN1\"}"),
                api.post("/api/calls/numbers/setup/buy", "{\"phoneNumber\":\"+15005550006\"}"),
                api.get("/api/calls/numbers/setup/available?type=tollfree"),
                api.get("/api/calls/numbers/setup/available?contains=abc"),
                api.get("/api/calls/numbers/setup/numbers/not-a-phone/health"))) {
            assertThat(bad.status()).as(bad.body()).isEqualTo(400);
            assertThat(bad.<String>json("$.error")).isNotBlank();
            assertThat(bad.<String>json("$.message")).isNotBlank();
        }
    }

    @Test
    void anotherTenantSeesNeitherTheAccountNorTheNumber() {
        String own = connectOwnNumber();
        UUID intruder = UUID.randomUUID();

        assertThat(owner(intruder).get("/api/calls/numbers/setup").<Object>json("$.account"))
                .isNull();
        assertThat(owner(intruder)
                        .get("/api/calls/numbers/setup/numbers/" + own + "/health")
                        .status())
                .isEqualTo(404);
        assertThat(owner(intruder)
                        .delete("/api/calls/numbers/setup/numbers/" + own)
                        .status())
                .isEqualTo(404);
        assertThat(owner(intruder)
                        .post("/api/calls/numbers/setup/numbers/" + own + "/test-call", "")
                        .status())
                .isEqualTo(404);
        assertThat(agent(tenant).get("/api/calls/numbers/setup").status()).isEqualTo(403);
        assertThat(owner(tenant).get("/api/calls/numbers").<List<String>>json("$[*].phone"))
                .containsExactly(own);
    }

    // --- helpers --------------------------------------------------------------------------------

    /** Connects the tenant's own account and one of its numbers; returns the number. */
    private String connectOwnNumber() {
        String phone = "+9723" + digits(7);
        String phoneSid = "PN" + hex(32);
        var number = TwilioNumbersStub.number(accountSid, phoneSid, phone, null, null, null);
        twilio.incomingNumbers(accountSid, token, List.of(number), 50);
        twilio.instance(accountSid, token, number, number);
        assertThat(owner(tenant)
                        .put("/api/calls/numbers/setup/account", account(accountSid, token))
                        .status())
                .isEqualTo(200);
        assertThat(owner(tenant)
                        .post("/api/calls/numbers/setup/connect", "{\"phoneSid\":\"" + phoneSid + "\"}")
                        .status())
                .isEqualTo(201);
        return phone;
    }

    private Api.Response voiceWebhook(String signingToken, String to, String account) {
        return voiceWebhook(signingToken, to, account, sid("CA"));
    }

    private Api.Response voiceWebhook(String signingToken, String to, String account, String callSid) {
        Map<String, String> params = voice(callSid, "+97252" + digits(7), to, "ringing");
        params.put("AccountSid", account);
        String path = "/webhook/incoming_call";
        String url = "http://127.0.0.1:" + port + path;
        return Api.at(port)
                .withHeader("X-Twilio-Signature", TwilioSigner.sign(signingToken, url, params))
                .send("POST", path, TwilioSigner.form(params), "application/x-www-form-urlencoded");
    }

    private Api.Response recordingWebhook(String signingToken, String to, String callSid, String recordingUrl) {
        Map<String, String> params = recorded(
                callSid,
                "+97252" + digits(7),
                to,
                recordingUrl.substring(recordingUrl.lastIndexOf('/') + 1),
                recordingUrl,
                4);
        params.put("AccountSid", accountSid);
        String path = "/webhook/handle_recording";
        String url = "http://127.0.0.1:" + port + path;
        return Api.at(port)
                .withHeader("X-Twilio-Signature", TwilioSigner.sign(signingToken, url, params))
                .send("POST", path, TwilioSigner.form(params), "application/x-www-form-urlencoded");
    }

    private Map<String, String> lastPost(String path) {
        var posts = STUBS.server.findAll(postRequestedFor(urlEqualTo(path)));
        assertThat(posts).as("POST %s", path).isNotEmpty();
        return form(posts.get(posts.size() - 1).getBodyAsString());
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            out.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static String account(String sid, String token) {
        return "{\"accountSid\":\"" + sid + "\",\"authToken\":\"" + token + "\"}";
    }

    private static String hex(int n) {
        var out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append(Character.forDigit(
                    java.util.concurrent.ThreadLocalRandom.current().nextInt(16), 16));
        }
        return out.toString();
    }
}
