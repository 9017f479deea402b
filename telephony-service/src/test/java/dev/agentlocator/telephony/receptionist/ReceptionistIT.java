package dev.agentlocator.telephony.receptionist;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import dev.agentlocator.platform.events.Topics;
import dev.agentlocator.telephony.LiveProviders;
import dev.agentlocator.telephony.ProviderStubs;
import dev.agentlocator.telephony.settings.ReceptionistSettings;
import dev.agentlocator.testkit.Api;
import dev.agentlocator.testkit.Metrics;
import dev.agentlocator.testkit.ServiceIntegrationTest;
import dev.agentlocator.testkit.TestJwt;
import dev.agentlocator.testkit.TopicReader;
import dev.agentlocator.testkit.TwilioSigner;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * SPEC C3 end to end: Twilio's webhooks, signed as Twilio signs them, against the real pipeline
 * whose provider clients talk HTTP to stubs answering in Twilio's, OpenAI's, Google's and crm's
 * documented formats, including their failures.
 */
@ServiceIntegrationTest
class ReceptionistIT extends LiveProviders {

    static final String RECORD =
            "<Record finishOnKey=\"*\" timeout=\"5\" maxLength=\"30\" method=\"POST\" action=\"%s/webhook/handle_recording\"/>";
    static final Pattern PLAY = Pattern.compile("<Play>([^<]+)</Play>");

    UUID tenant;
    String number;
    String caller;
    UUID customer;
    String origin;

    @DynamicPropertySource
    static void crm(DynamicPropertyRegistry registry) {
        registry.add("agentlocator.telephony.crm.base-url", STUBS::url);
    }

    @BeforeEach
    void aTenantWithANumberAndACaller() {
        tenant = UUID.randomUUID();
        number = "+9723" + digits(7);
        caller = "+97252" + digits(7);
        customer = UUID.randomUUID();
        origin = "http://127.0.0.1:" + port;
        assignNumber(tenant, number);
        STUBS.crmResolves(customer, caller);
        STUBS.googleToken();
        STUBS.tts(0);
    }

    @Test
    void anIncomingCallPlaysTheGreetingThenRecordsAsSpecC3Says() throws Exception {
        String callSid = sid("CA");

        var response = webhook("/webhook/incoming_call", voice(callSid, caller, number, "ringing"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/xml");
        assertThat(response.body())
                .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Play>" + origin
                        + "/static/voice_responses/")
                .contains(RECORD.formatted(origin))
                .endsWith("<Say language=\"he-IL\" voice=\"Google.he-IL-Standard-A\">" + ReceptionistSettings.GOODBYE
                        + "</Say><Hangup/></Response>");
        var greeting = Api.at(port).get(played(response.body()).substring(origin.length()));
        assertThat(greeting.status())
                .as("Twilio fetches the greeting without a token")
                .isEqualTo(200);
        assertThat(greeting.header("Content-Type")).isEqualTo("audio/mpeg");
        assertThat(greeting.body().getBytes(StandardCharsets.ISO_8859_1)).hasSize(ProviderStubs.MP3.length);

        Map<String, Object> row = jdbc.sql("select * from call_log where call_sid = ?")
                .param(callSid)
                .query()
                .singleRow();
        assertThat(row)
                .containsEntry("customer_id", customer)
                .containsEntry("from_number", caller)
                .containsEntry("to_number", number)
                .containsEntry("direction", "inbound")
                .containsEntry("tenant_id", tenant);
        var event = TopicReader.awaitRecord(
                Topics.TELEPHONY_CALL, r -> r.value().contains(callSid), Duration.ofSeconds(20));
        assertThat(event.key()).isEqualTo(customer.toString());
        assertThat(event.value())
                .contains(
                        "\"type\":\"call.received\"",
                        "\"direction\":\"inbound\"",
                        "\"from\":\"" + caller + "\"",
                        "\"customerId\":\"" + customer + "\"");

        LoggedRequest resolve = STUBS.server
                .findAll(postRequestedFor(urlEqualTo("/internal/customers/resolve")))
                .get(0);
        assertThat(resolve.getBodyAsString()).isEqualTo("{\"phone\":\"" + caller + "\"}");
        // the service token is crm's, asked for with telephony's own credential, for this tenant
        assertThat(resolve.getHeader("Authorization")).isEqualTo("Bearer " + STUBS.crmServiceToken);
        LoggedRequest tokenRequest = STUBS.server
                .findAll(postRequestedFor(urlEqualTo("/internal/auth/token")))
                .get(0);
        assertThat(tokenRequest.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(tokenRequest.getBodyAsString().split("&"))
                .containsExactlyInAnyOrder(
                        "grant_type=client_credentials",
                        "client_id=telephony-service",
                        "client_secret=" + TestJwt.TELEPHONY_CLIENT_SECRET,
                        "tenant_id=" + tenant);

        var retry = webhook("/webhook/incoming_call", voice(callSid, caller, number, "ringing"));
        assertThat(retry.body()).isEqualTo(response.body());
        assertThat(count("select count(*) from call_log where call_sid = ?", callSid))
                .isEqualTo(1);
        assertThat(STUBS.server.findAll(postRequestedFor(urlEqualTo("/v1/text:synthesize"))))
                .as("the greeting is synthesised once and cached")
                .hasSize(1);
    }

    @Test
    void forgedUnsignedOrTamperedWebhooksAre403AndStoreNothing() {
        String callSid = sid("CA");
        var params = voice(callSid, caller, number, "ringing");
        String form = TwilioSigner.form(params);
        String url = origin + "/webhook/incoming_call";

        var unsigned = Api.at(port).send("POST", "/webhook/incoming_call", form, "application/x-www-form-urlencoded");
        var forged = Api.at(port)
                .withHeader("X-Twilio-Signature", TwilioSigner.sign("not-our-token", url, params))
                .send("POST", "/webhook/incoming_call", form, "application/x-www-form-urlencoded");
        var tampered = Api.at(port)
                .withHeader("X-Twilio-Signature", TwilioSigner.sign(ProviderStubs.AUTH_TOKEN, url, params))
                .send(
                        "POST",
                        "/webhook/incoming_call",
                        form.replace(caller.substring(1), "972500000000"),
                        "application/x-www-form-urlencoded");
        var otherUrl = Api.at(port)
                .withHeader(
                        "X-Twilio-Signature",
                        TwilioSigner.sign(
                                ProviderStubs.AUTH_TOKEN, "https://elsewhere.test/webhook/incoming_call", params))
                .send("POST", "/webhook/incoming_call", form, "application/x-www-form-urlencoded");
        String recordingUrl = STUBS.recording(sid("RE"));
        var forgedRecording = Api.at(port)
                .withHeader("X-Twilio-Signature", "AAAAAAAAAAAAAAAAAAAAAAAAAAA=")
                .send(
                        "POST",
                        "/webhook/handle_recording",
                        TwilioSigner.form(recorded(callSid, caller, number, sid("RE"), recordingUrl, 5)),
                        "application/x-www-form-urlencoded");
        var forgedStatus = Api.at(port)
                .send(
                        "POST",
                        "/webhook/call_status",
                        "CallSid=" + callSid + "&CallStatus=completed",
                        "application/x-www-form-urlencoded");

        for (var response : List.of(unsigned, forged, tampered, otherUrl, forgedRecording, forgedStatus)) {
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.<String>json("$.error")).isEqualTo("invalid_signature");
            assertThat(response.<String>json("$.message")).isEqualTo("החתימה של הבקשה אינה תקינה");
        }
        assertThat(count("select count(*) from call_log where tenant_id = ?", tenant))
                .isZero();
        assertThat(count("select count(*) from call_turn where tenant_id = ?", tenant))
                .isZero();
        assertThat(STUBS.server.getAllServeEvents())
                .as("no provider was asked anything")
                .isEmpty();
    }

    @Test
    void behindTheGatewayTheSignatureCoversThePublicUrlTwilioUsed() {
        String callSid = sid("CA");
        var params = voice(callSid, caller, number, "ringing");
        String publicUrl = "https://app.agentlocator.test/webhook/incoming_call";

        var response = Api.at(port)
                .withHeader("X-Twilio-Signature", TwilioSigner.sign(ProviderStubs.AUTH_TOKEN, publicUrl, params))
                .withHeader("X-Forwarded-Proto", "https")
                .withHeader("X-Forwarded-Host", "app.agentlocator.test")
                .withHeader("X-Forwarded-Port", "443")
                .send("POST", "/webhook/incoming_call", TwilioSigner.form(params), "application/x-www-form-urlencoded");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body())
                .contains("<Play>https://app.agentlocator.test/static/voice_responses/")
                .contains("action=\"https://app.agentlocator.test/webhook/handle_recording\"");
    }

    @Test
    void aRecordingIsTranscribedAnsweredSpokenAndLogged() throws Exception {
        String callSid = sid("CA");
        webhook("/webhook/incoming_call", voice(callSid, caller, number, "ringing"));
        STUBS.allHealthy("אני מחפש דירת שלושה חדרים בתל אביב", "מצוין! ומה התקציב שלכם?");
        String recordingSid = sid("RE");
        String recordingUrl = STUBS.recording(recordingSid);
        double answeredBefore = turnsMeasured("answered");

        var response =
                webhook("/webhook/handle_recording", recorded(callSid, caller, number, recordingSid, recordingUrl, 6));
        assertThat(turnsMeasured("answered"))
                .as("the turn-time SLO's histogram")
                .isEqualTo(answeredBefore + 1);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body())
                .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Play>" + origin
                        + "/static/voice_responses/")
                .contains(RECORD.formatted(origin))
                .endsWith("<Hangup/></Response>");
        var reply = Api.at(port).get(played(response.body()).substring(origin.length()));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).isEqualTo("audio/mpeg");

        STUBS.server.verify(
                1,
                getRequestedFor(urlEqualTo(
                        "/2010-04-01/Accounts/" + ProviderStubs.ACCOUNT_SID + "/Recordings/" + recordingSid + ".wav")));
        String whisper = STUBS.server
                .findAll(postRequestedFor(urlEqualTo("/v1/audio/transcriptions")))
                .get(0)
                .getBodyAsString();
        assertThat(whisper)
                .contains("name=\"language\"\r\n\r\nhe\r\n")
                .contains("name=\"model\"\r\n\r\nwhisper-1\r\n")
                .contains("name=\"file\"; filename=\"" + recordingSid + ".wav\"")
                .contains("RIFF");
        String chat = STUBS.server
                .findAll(postRequestedFor(urlEqualTo("/v1/chat/completions")))
                .get(0)
                .getBodyAsString();
        assertThat(chat)
                .contains(
                        "\"model\":\"gpt-4o-mini\"",
                        "\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"receptionist_turn\",\"strict\":true,")
                .contains(
                        "מזכיר/ה טלפוני/ת",
                        "אני מחפש דירת שלושה חדרים בתל אביב",
                        ReceptionistSettings.DEFAULT_GREETING);
        String tts = STUBS.server
                .findAll(postRequestedFor(urlEqualTo("/v1/text:synthesize")))
                .get(1)
                .getBodyAsString();
        assertThat(tts).contains("\"languageCode\":\"he-IL\"", "מצוין! ומה התקציב שלכם?", "\"audioEncoding\":\"MP3\"");
        String assertion = URLDecoder.decode(
                STUBS.server
                        .findAll(postRequestedFor(urlEqualTo("/token")))
                        .get(0)
                        .getBodyAsString()
                        .replaceFirst(".*assertion=", ""),
                StandardCharsets.UTF_8);
        var jwt = SignedJWT.parse(assertion);
        assertThat(jwt.verify(new RSASSAVerifier((RSAPublicKey) STUBS.googleKey.getPublic())))
                .isTrue();
        assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly(STUBS.url() + "/token");
        assertThat(jwt.getJWTClaimsSet().getStringClaim("scope"))
                .isEqualTo("https://www.googleapis.com/auth/cloud-platform");

        var detail = agent(tenant).get("/api/calls/" + callSid);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.<String>json("$.call.customerId")).isEqualTo(customer.toString());
        assertThat(detail.<String>json("$.call.outcome")).isEqualTo("answered");
        assertThat(detail.<String>json("$.turns[0].transcript")).isEqualTo("אני מחפש דירת שלושה חדרים בתל אביב");
        assertThat(detail.<String>json("$.turns[0].reply")).isEqualTo("מצוין! ומה התקציב שלכם?");
        assertThat(detail.<String>json("$.turns[0].recordingUrl")).isEqualTo(recordingUrl);
        assertThat(detail.<Integer>json("$.turns[0].recordingSeconds")).isEqualTo(6);
        assertThat(detail.<String>json("$.turns[0].replyAudioUrl")).isEqualTo(played(response.body()));
        assertThat(detail.<String>json("$.details.area")).isEqualTo("תל אביב");
        assertThat(detail.<Integer>json("$.details.rooms")).isEqualTo(3);
        assertThat(detail.<String>json("$.transcript")).isEqualTo("אני מחפש דירת שלושה חדרים בתל אביב");
        var list = agent(tenant).get("/api/calls?customerId=" + customer);
        assertThat(list.<Integer>json("$.total")).isEqualTo(1);
        assertThat(list.<String>json("$.items[0].callSid")).isEqualTo(callSid);
        assertThat(agent(UUID.randomUUID()).get("/api/calls/" + callSid).status())
                .as("another tenant's call is not found")
                .isEqualTo(404);
    }

    @Test
    void anSttTimeoutEndsInTheFallbackPromptAndTheSecondFailureClosesPolitely() {
        String callSid = sid("CA");
        webhook("/webhook/incoming_call", voice(callSid, caller, number, "ringing"));
        STUBS.whisper("לא יגיע בזמן", 4500);
        String first = sid("RE");

        long started = System.nanoTime();
        var response = webhook(
                "/webhook/handle_recording", recorded(callSid, caller, number, first, STUBS.recording(first), 5));
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(fallback());
        assertThat(millis)
                .as("two 2 s tries, then the fallback, within the 6 s deadline")
                .isLessThan(7_000);
        assertThat(turn(first)).containsEntry("outcome", "stt_failed").containsEntry("error", "openai-stt: timeout");
        assertThat(count("select count(*) from call_log where call_sid = ? and outcome = 'stt_failed'", callSid))
                .isEqualTo(1);

        STUBS.whisper("", 0);
        String second = sid("RE");
        var again = webhook(
                "/webhook/handle_recording", recorded(callSid, caller, number, second, STUBS.recording(second), 4));

        assertThat(again.body()).isEqualTo(goodbye()).doesNotContain("<Record");
        assertThat(turn(second)).containsEntry("outcome", "not_understood");
    }

    @Test
    void anLlm500EndsInTheFallbackPromptAfterOneSafeRetry() {
        String callSid = sid("CA");
        STUBS.whisper("שלום, אני רוצה לשכור דירה", 0);
        STUBS.openAiFails("/v1/chat/completions", 500);
        String recording = sid("RE");
        double fallbacksBefore = fallbacks("llm_failed");

        var response = webhook(
                "/webhook/handle_recording",
                recorded(callSid, caller, number, recording, STUBS.recording(recording), 5));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(fallback());
        assertThat(turn(recording))
                .containsEntry("outcome", "llm_failed")
                .containsEntry("error", "openai-chat: http_500")
                .containsEntry("transcript", "שלום, אני רוצה לשכור דירה");
        STUBS.server.verify(2, postRequestedFor(urlEqualTo("/v1/chat/completions")));
        assertThat(fallbacks("llm_failed")).as("what the fallback alert counts").isEqualTo(fallbacksBefore + 1);
    }

    @Test
    void withTtsDownTheReplyIsSpokenByTwiliosOwnVoice() {
        String callSid = sid("CA");
        STUBS.allHealthy("יש לכם דירות בחיפה?", "כן, יש לנו כמה. כמה חדרים אתם צריכים?");
        STUBS.ttsDown();
        String recording = sid("RE");

        var response = webhook(
                "/webhook/handle_recording",
                recorded(callSid, caller, number, recording, STUBS.recording(recording), 5));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body())
                .isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>"
                        + "<Say language=\"he-IL\" voice=\"Google.he-IL-Standard-A\">כן, יש לנו כמה. כמה חדרים אתם צריכים?</Say>"
                        + RECORD.formatted(origin) + goodbyeVerbs() + "</Response>");
        assertThat(turn(recording))
                .containsEntry("outcome", "answered_without_tts")
                .containsEntry("error", "google-tts: http_503")
                .containsEntry("reply", "כן, יש לנו כמה. כמה חדרים אתם צריכים?");
    }

    @Test
    void aOneSecondRecordingIsTooShortAndCostsNoProviderCall() {
        String callSid = sid("CA");
        STUBS.allHealthy("לא אמור להיות מתומלל", "לא אמור להיאמר");
        String recording = sid("RE");

        var response = webhook(
                "/webhook/handle_recording",
                recorded(callSid, caller, number, recording, STUBS.recording(recording), 1));

        assertThat(response.body()).isEqualTo(fallback());
        assertThat(turn(recording)).containsEntry("outcome", "too_short").containsEntry("recording_seconds", 1);
        STUBS.server.verify(0, getRequestedFor(urlMatching(".*/Recordings/.*")));
        STUBS.server.verify(0, postRequestedFor(urlEqualTo("/v1/audio/transcriptions")));
    }

    @Test
    void anEmptyTranscriptIsNotUnderstoodAndGetsOneMoreChance() {
        String callSid = sid("CA");
        STUBS.allHealthy(" . ", "לא אמור להיאמר");
        String recording = sid("RE");

        var response = webhook(
                "/webhook/handle_recording",
                recorded(callSid, caller, number, recording, STUBS.recording(recording), 5));

        assertThat(response.body()).isEqualTo(fallback());
        assertThat(turn(recording)).containsEntry("outcome", "not_understood").containsEntry("transcript", ".");
        STUBS.server.verify(0, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    @Test
    void threeIdenticalDeliveriesOfOneRecordingMakeOneTurn() throws Exception {
        String callSid = sid("CA");
        webhook("/webhook/incoming_call", voice(callSid, caller, number, "ringing"));
        STUBS.whisper("אני רוצה למכור דירה ברמת גן", 300);
        STUBS.chat("נשמח לעזור. כמה חדרים בדירה?", Map.of("intent", "sell", "area", "רמת גן"), 0);
        String recording = sid("RE");
        var params = recorded(callSid, caller, number, recording, STUBS.recording(recording), 7);

        List<String> bodies = new ArrayList<>();
        var pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Api.Response>> deliveries = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                deliveries.add(pool.submit(() -> webhook("/webhook/handle_recording", params)));
            }
            for (var delivery : deliveries) {
                var response = delivery.get();
                assertThat(response.status()).isEqualTo(200);
                bodies.add(response.body());
            }
        } finally {
            pool.shutdownNow();
        }
        bodies.add(webhook("/webhook/handle_recording", params).body());

        assertThat(bodies).allMatch(b -> b.equals(bodies.get(0)));
        assertThat(bodies.get(0)).contains("<Play>" + origin + "/static/voice_responses/");
        assertThat(count("select count(*) from call_turn where recording_sid = ?", recording))
                .isEqualTo(1);
        STUBS.server.verify(1, postRequestedFor(urlEqualTo("/v1/audio/transcriptions")));
        STUBS.server.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    @Test
    void callStatusAnswersOkAndEndsTheCallExactlyOnce() {
        String callSid = sid("CA");
        webhook("/webhook/incoming_call", voice(callSid, caller, number, "ringing"));
        STUBS.allHealthy("אני מחפש משרד להשכרה", "בשמחה. באיזה אזור?");
        String recording = sid("RE");
        webhook(
                "/webhook/handle_recording",
                recorded(callSid, caller, number, recording, STUBS.recording(recording), 5));
        var completed = voice(callSid, caller, number, "completed");
        completed.put("CallDuration", "42");

        var first = webhook("/webhook/call_status", completed);
        var repeat = webhook("/webhook/call_status", completed);

        for (var response : List.of(first, repeat)) {
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("OK");
            assertThat(response.header("Content-Type")).startsWith("text/plain");
        }
        var call = agent(tenant).get("/api/calls/" + callSid);
        assertThat(call.<String>json("$.call.status")).isEqualTo("completed");
        assertThat(call.<Integer>json("$.call.durationSeconds")).isEqualTo(42);
        assertThat(call.<String>json("$.call.answeredBy")).isEqualTo("ai");
        assertThat(call.<List<String>>json("$.statusHistory[*].status")).containsExactly("ringing", "completed");
        var event = TopicReader.awaitRecord(
                Topics.TELEPHONY_CALL,
                r -> r.value().contains(callSid) && r.value().contains("\"type\":\"call.completed\""),
                Duration.ofSeconds(20));
        assertThat(event.value())
                .contains(
                        "\"answeredBy\":\"ai\"",
                        "\"durationSeconds\":42",
                        "\"transcript\":\"אני מחפש משרד להשכרה\"",
                        "\"status\":\"completed\"");
        assertThat(count(
                        "select count(*) from outbox_event where event_type = 'call.completed' and envelope like ?",
                        "%" + callSid + "%"))
                .isEqualTo(1);
    }

    @Test
    void aCallToANumberOfNoTenantIsToldPolitelyAndStoresNothing() {
        String callSid = sid("CA");
        var response = webhook("/webhook/incoming_call", voice(callSid, caller, "+97239999999", "ringing"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body())
                .contains(ReceptionistSettings.NOT_IN_SERVICE)
                .endsWith("<Hangup/></Response>");
        assertThat(count("select count(*) from call_log where call_sid = ?", callSid))
                .isZero();
    }

    @Test
    void badInputIsAJson4xxNeverA500() {
        var noCallSid = webhook("/webhook/incoming_call", Map.of("To", number, "From", caller));
        assertThat(noCallSid.status()).isEqualTo(400);
        assertThat(noCallSid.<String>json("$.error")).isEqualTo("missing_parameter");
        assertThat(agent(tenant).get("/api/calls?limit=abc").<String>json("$.error"))
                .isEqualTo("invalid_paging");
        assertThat(agent(tenant).get("/api/calls?direction=sideways").status()).isEqualTo(400);
        assertThat(agent(tenant).get("/api/calls?sort=secret").<String>json("$.error"))
                .isEqualTo("invalid_sort");
        assertThat(agent(tenant).get("/api/calls/" + UUID.randomUUID()).status())
                .isEqualTo(404);
    }

    @Test
    void theTenantsGreetingAndPromptAreEditableAndUsed() {
        var owner = Api.at(port).withToken(TestJwt.token(UUID.randomUUID(), tenant, "owner"));
        var saved = owner.put(
                "/api/calls/settings",
                "{\"greeting\":\"שלום, הגעתם לנדל״ן כהן\",\"prompt\":\"את מזכירה של נדל״ן כהן בחיפה.\"}");
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.<String>json("$.greeting")).isEqualTo("שלום, הגעתם לנדל״ן כהן");
        assertThat(saved.<Boolean>json("$.sandbox")).isFalse();
        assertThat(agent(tenant)
                        .put("/api/calls/settings", "{\"greeting\":\"x\"}")
                        .status())
                .isEqualTo(403);
        assertThat(owner.put("/api/calls/settings", "{\"greeting\":\"" + "א".repeat(601) + "\"}")
                        .status())
                .isEqualTo(400);

        String callSid = sid("CA");
        webhook("/webhook/incoming_call", voice(callSid, caller, number, "ringing"));
        STUBS.allHealthy("מה שעות הפעילות?", "אנחנו זמינים בימים א׳ עד ה׳.");
        String recording = sid("RE");
        webhook(
                "/webhook/handle_recording",
                recorded(callSid, caller, number, recording, STUBS.recording(recording), 3));

        assertThat(STUBS.server
                        .findAll(postRequestedFor(urlEqualTo("/v1/text:synthesize")))
                        .get(0)
                        .getBodyAsString())
                .contains("שלום, הגעתם לנדל״ן כהן");
        assertThat(STUBS.server
                        .findAll(postRequestedFor(urlEqualTo("/v1/chat/completions")))
                        .get(0)
                        .getBodyAsString())
                .contains("את מזכירה של נדל״ן כהן בחיפה.", "שלום, הגעתם לנדל״ן כהן");
    }

    @Test
    void aProviderThatKeepsFailingOpensItsCircuitAndLaterTurnsFailFast() {
        STUBS.openAiFails("/v1/audio/transcriptions", 503);
        for (int i = 0; i < 3; i++) {
            String recording = sid("RE");
            var response = webhook(
                    "/webhook/handle_recording",
                    recorded(sid("CA"), caller, number, recording, STUBS.recording(recording), 5));
            assertThat(response.body()).isEqualTo(fallback());
        }
        // 2 + 2 tries, then the 5th failure in a row opens the circuit (minimum 5 calls, 50 %).
        STUBS.server.verify(5, postRequestedFor(urlEqualTo("/v1/audio/transcriptions")));

        String recording = sid("RE");
        var fast = webhook(
                "/webhook/handle_recording",
                recorded(sid("CA"), caller, number, recording, STUBS.recording(recording), 5));

        assertThat(fast.body()).isEqualTo(fallback());
        assertThat(turn(recording))
                .containsEntry("outcome", "stt_failed")
                .containsEntry("error", "openai-stt: circuit_open");
        STUBS.server.verify(5, postRequestedFor(urlEqualTo("/v1/audio/transcriptions")));
    }

    @Test
    void aTenantWithCallsSwitchedOffIsNotAnsweredAndNothingIsStored() {
        Map<String, Object> flags = new java.util.LinkedHashMap<>();
        for (String feature :
                List.of("crm", "calls", "whatsapp", "tasks", "contracts", "invoices", "signatures", "stats")) {
            flags.put(feature, !"calls".equals(feature));
        }
        var event = new dev.agentlocator.platform.events.EventEnvelope(
                UUID.randomUUID(),
                "tenant.features.changed",
                1,
                tenant,
                null,
                java.time.OffsetDateTime.now(),
                "test",
                Map.of("features", flags));
        kafka.send(Topics.CRM_TENANT, tenant.toString(), json.writeValueAsString(event))
                .join();
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (agent(tenant).get("/api/calls").status() != 403 && System.nanoTime() < until) {
            sleep(50);
        }
        assertThat(agent(tenant).get("/api/calls").<String>json("$.error")).isEqualTo("feature_disabled");
        String callSid = sid("CA");

        var response = webhook("/webhook/incoming_call", voice(callSid, caller, number, "ringing"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body())
                .contains(ReceptionistSettings.NOT_IN_SERVICE)
                .endsWith("<Hangup/></Response>");
        assertThat(count("select count(*) from call_log where call_sid = ?", callSid))
                .isZero();
    }

    private String fallback() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>"
                + "<Say language=\"he-IL\" voice=\"Google.he-IL-Standard-A\">" + ReceptionistSettings.FALLBACK
                + "</Say>"
                + RECORD.formatted(origin) + goodbyeVerbs() + "</Response>";
    }

    private static String goodbye() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>" + goodbyeVerbs() + "</Response>";
    }

    private static String goodbyeVerbs() {
        return "<Say language=\"he-IL\" voice=\"Google.he-IL-Standard-A\">" + ReceptionistSettings.GOODBYE
                + "</Say><Hangup/>";
    }

    private static String played(String twiml) {
        var m = PLAY.matcher(twiml);
        assertThat(m.find()).as("a <Play> in " + twiml).isTrue();
        return m.group(1);
    }

    private Map<String, Object> turn(String recordingSid) {
        return jdbc.sql("select * from call_turn where recording_sid = ?")
                .param(recordingSid)
                .query()
                .singleRow();
    }

    private long count(String sql, Object param) {
        return jdbc.sql(sql).param(param).query(Long.class).single();
    }

    private double turnsMeasured(String outcome) {
        return Metrics.scrape(port)
                .value("agentlocator_receptionist_turn_seconds_count", "outcome", outcome)
                .orElse(0.0);
    }

    private double fallbacks(String reason) {
        return Metrics.scrape(port)
                .value("agentlocator_receptionist_fallbacks_total", "reason", reason)
                .orElse(0.0);
    }
}
