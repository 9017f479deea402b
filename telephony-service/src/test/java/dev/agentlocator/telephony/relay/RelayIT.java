package dev.agentlocator.telephony.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentlocator.telephony.LiveProviders;
import dev.agentlocator.telephony.ProviderStubs;
import dev.agentlocator.testkit.ServiceIntegrationTest;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Issue 24, straight to the service: the streaming receptionist over a real WebSocket, Twilio's
 * side played by {@link TwilioRelayClient}, OpenAI's streaming chat by {@link SseChatStub} in its
 * documented SSE format. (The same conversation through the gateway is the system tests'.)
 */
@ServiceIntegrationTest
@Import(StreamingChatStub.class)
class RelayIT extends LiveProviders {

    static final SseChatStub LLM = StreamingChatStub.LLM;
    static final Duration WAIT = Duration.ofSeconds(5);

    UUID tenant;
    String number;
    String caller;
    String handoff;

    @DynamicPropertySource
    static void streamingChat(DynamicPropertyRegistry registry) {
        registry.add("agentlocator.telephony.crm.base-url", STUBS::url);
        registry.add("agentlocator.telephony.relay.first-token-timeout", () -> "1500ms");
    }

    @BeforeEach
    void aStreamingTenant() {
        LLM.reset();
        LLM.timing(20, 400);
        tenant = UUID.randomUUID();
        number = "+9723" + digits(7);
        caller = "+97252" + digits(7);
        handoff = "+97250" + digits(7);
        assignNumber(tenant, number);
        STUBS.crmResolves(UUID.randomUUID(), caller);
        var settings = owner(tenant).put("/api/calls/settings", """
                        {"mode":"streaming","voice":"he-IL-Wavenet-B","handoffNumber":"%s",
                         "greeting":"שלום, הגעתם למשרד. במה אפשר לעזור?"}""".formatted(handoff));
        assertThat(settings.status()).as(settings.body()).isEqualTo(200);
        assertThat(settings.<String>json("$.mode")).isEqualTo("streaming");
    }

    @Test
    void aWholeConversationStreamsTurnsIsCutByTheCallerCallsToolsAndHandsOff() {
        String callSid = sid("CA");
        var twiml = webhook("/webhook/incoming_call", voice(callSid, caller, number, "ringing"));
        assertThat(twiml.body())
                .contains("<Connect action=\"http://127.0.0.1:" + port + "/webhook/relay_action\">")
                .contains("<ConversationRelay url=\"ws://127.0.0.1:" + port + "/relay/conversation/"
                        + number.substring(1) + "\"")
                .contains("language=\"he-IL\"")
                .contains("voice=\"he-IL-Wavenet-B\"")
                .contains("welcomeGreeting=\"שלום, הגעתם למשרד. במה אפשר לעזור?\"");

        try (var twilio = open(null)) {
            twilio.setup("VX" + digits(9), ProviderStubs.ACCOUNT_SID, callSid, caller, number);

            // turn 1: streamed token by token, then last
            LLM.enqueue(SseChatStub.text("שלום", "! ", "אשמח ", "לעזור. ", "מה ", "אתם ", "מחפשים?"));
            twilio.prompt("שלום, אני מחפש דירה");
            var first = twilio.answer(WAIT);
            assertThat(TwilioRelayClient.spoken(first)).isEqualTo("שלום! אשמח לעזור. מה אתם מחפשים?");
            assertThat(first).hasSizeGreaterThan(2); // tokens went out as they came, not as one text
            JsonNode request = LLM.requests().get(0);
            assertThat(request.path("stream").asBoolean()).isTrue();
            assertThat(request.path("messages").get(1).path("content").asString())
                    .isEqualTo("שלום, הגעתם למשרד. במה אפשר לעזור?");
            List<String> tools = new java.util.ArrayList<>();
            request.path("tools")
                    .forEach(t -> tools.add(t.path("function").path("name").asString()));
            assertThat(tools)
                    .containsExactly("lookup_caller", "record_lead", "schedule_callback", "hand_off", "end_call");

            // turn 2: the caller cuts in after the first words; the rest never goes out
            LLM.timing(20, 10);
            LLM.enqueue(
                    SseChatStub.text("יש ", "לנו ", "הרבה ", "דירות ", "יפות ", "באזור ", "המרכז ", "וגם ", "בצפון."));
            twilio.prompt("דירת ארבעה חדרים");
            var firstWord = twilio.next(WAIT);
            assertThat(firstWord.message().path("token").asString()).isEqualTo("יש ");
            twilio.interrupt("יש לנו", 600);
            LLM.timing(20, 400);

            // turn 3: tools — the lead and a call-back — then the answer
            LLM.enqueue(
                    SseChatStub.tools(
                            "record_lead", """
                            {"name":"דנה כהן","intent":"buy","area":"רמת גן","rooms":4,"budget":2500000,\
                            "timing":null,"summary":"דנה מחפשת דירת 4 חדרים ברמת גן.","callbackPromised":null}""", "schedule_callback", "{\"when\":\"מחר בבוקר\",\"reason\":null}"),
                    SseChatStub.text("רשמתי, ", "דנה. ", "נציג ", "יחזור ", "אלייך ", "מחר ", "בבוקר."));
            twilio.prompt("קוראים לי דנה כהן, ברמת גן עד שני מיליון וחצי, תחזרו אליי מחר בבוקר");
            var third = twilio.answer(WAIT);
            assertThat(TwilioRelayClient.spoken(third)).isEqualTo("רשמתי, דנה. נציג יחזור אלייך מחר בבוקר.");
            JsonNode afterInterrupt = LLM.requests().get(2).path("messages");
            assertThat(afterInterrupt
                            .get(afterInterrupt.size() - 2)
                            .path("content")
                            .asString())
                    .as("the history keeps only what the caller heard")
                    .isEqualTo("יש לנו");
            JsonNode withTools = LLM.requests().get(3).path("messages");
            assertThat(withTools.get(withTools.size() - 1).path("role").asString())
                    .isEqualTo("tool");

            // turn 4: the caller asks for a person
            LLM.enqueue(SseChatStub.tools("hand_off", "{\"summary\":\"דנה כהן, קנייה ברמת גן, 4 חדרים.\"}"));
            twilio.prompt("אפשר לדבר עם מישהו?");
            var fourth = twilio.answer(WAIT);
            assertThat(TwilioRelayClient.spoken(fourth)).isEqualTo(RelayConversation.HANDING_OFF);
            var end = twilio.next(WAIT);
            assertThat(end.type()).isEqualTo("end");
            JsonNode handoffData =
                    json.readTree(end.message().path("handoffData").asString());
            assertThat(handoffData.path("reasonCode").asString()).isEqualTo("live-agent-handoff");

            var dial = webhook(
                    "/webhook/relay_action",
                    action(callSid, "ended", end.message().path("handoffData").asString()));
            assertThat(dial.status()).isEqualTo(200);
            assertThat(dial.body())
                    .contains("<Dial callerId=\"" + number + "\"><Number url=\"http://127.0.0.1:" + port
                            + "/webhook/relay_whisper?summary=")
                    .contains(">" + handoff + "</Number></Dial>");
            var whisper = webhook(
                    "/webhook/relay_whisper?summary="
                            + java.net.URLEncoder.encode(
                                    handoffData.path("summary").asString(), java.nio.charset.StandardCharsets.UTF_8),
                    Map.of("CallSid", sid("CA")));
            assertThat(whisper.body()).contains("דנה כהן, קנייה ברמת גן, 4 חדרים.");
        }

        awaitTurns(callSid, 4);
        var turns = jdbc.sql("""
                        select t.outcome, t.reply, t.details::text as details, t.tool_calls::text as tools,
                               t.timings::text as timings
                        from call_turn t join call_log c on c.id = t.call_id
                        where c.call_sid = ? and t.mode = 'streaming' order by t.created_at, t.id""")
                .param(callSid)
                .query((rs, i) -> Map.of(
                        "outcome", rs.getString("outcome"),
                        "reply", rs.getString("reply"),
                        "details", String.valueOf(rs.getString("details")),
                        "tools", String.valueOf(rs.getString("tools")),
                        "timings", rs.getString("timings")))
                .list();
        assertThat(turns).hasSize(4);
        assertThat(turns.get(1).get("reply")).isEqualTo("יש לנו");
        assertThat(turns.get(1).get("timings"))
                .contains("\"interrupted\": true")
                .contains("cancelMs");
        assertThat(turns.get(2).get("details"))
                .contains("\"name\": \"דנה כהן\"")
                .contains("\"budget\": 2500000")
                .contains("\"callbackPromised\": true");
        assertThat(turns.get(2).get("tools")).contains("record_lead").contains("schedule_callback");
        assertThat(turns.get(0).get("timings")).contains("promptToFirstTokenMs").contains("modelFirstTokenMs");
        assertThat(turns.get(3).get("timings")).contains("\"ending\": \"live-agent-handoff\"");

        // the call ends: the lead goes out with the call-back promise, as for the record flow (ADR 0027)
        webhook("/webhook/call_status", Map.of("CallSid", callSid, "CallStatus", "completed", "CallDuration", "95"));
        var lead = jdbc.sql("select envelope from outbox_event where event_type = 'call.lead_qualified'"
                        + " and envelope like ? and envelope like '%\"callEnded\":true%'")
                .param("%" + callSid + "%")
                .query(String.class)
                .list();
        assertThat(lead).hasSize(1);
        assertThat(lead.get(0)).contains("\"callbackPromised\":true").contains("\"budgetAgorot\":250000000");
    }

    @Test
    void theModelFailingMidAnswerEndsInAnApologyAndTheRecordFlow() {
        String callSid = sid("CA");
        webhook("/webhook/incoming_call", voice(callSid, caller, number, "ringing"));
        try (var twilio = open(null)) {
            twilio.setup("VX" + digits(9), ProviderStubs.ACCOUNT_SID, callSid, caller, number);
            LLM.enqueue(SseChatStub.breaksOffAfter("רגע, ", "אני "));
            twilio.prompt("כמה עולה דירה ברמת גן?");
            var answer = twilio.answer(WAIT);
            assertThat(TwilioRelayClient.spoken(answer)).isEqualTo("רגע, אני " + RelayConversation.APOLOGY);
            var end = twilio.next(WAIT);
            assertThat(end.type()).isEqualTo("end");
            var fallback = webhook(
                    "/webhook/relay_action",
                    action(callSid, "ended", end.message().path("handoffData").asString()));
            assertThat(fallback.body()).contains("<Say").contains("<Record").contains("/webhook/handle_recording");
        }
        awaitTurns(callSid, 1);
        String outcome = jdbc.sql("select t.outcome from call_turn t join call_log c on c.id = t.call_id"
                        + " where c.call_sid = ? and t.mode = 'streaming'")
                .param(callSid)
                .query(String.class)
                .single();
        assertThat(outcome).isEqualTo("llm_failed");
    }

    @Test
    void noFirstTokenInTimeIsTheSameApologyAndFallback() {
        String callSid = sid("CA");
        webhook("/webhook/incoming_call", voice(callSid, caller, number, "ringing"));
        LLM.timing(4000, 40);
        try (var twilio = open(null)) {
            twilio.setup("VX" + digits(9), ProviderStubs.ACCOUNT_SID, callSid, caller, number);
            twilio.prompt("שלום?");
            var answer = twilio.answer(WAIT);
            assertThat(TwilioRelayClient.spoken(answer)).isEqualTo(RelayConversation.APOLOGY);
            assertThat(twilio.next(WAIT).type()).isEqualTo("end");
        }
    }

    @Test
    void aSocketThatFailedContinuesInTheRecordFlow() {
        String callSid = sid("CA");
        webhook("/webhook/incoming_call", voice(callSid, caller, number, "ringing"));
        var next = webhook("/webhook/relay_action", action(callSid, "failed", null));
        assertThat(next.status()).isEqualTo(200);
        assertThat(next.body()).contains("<Record").contains("/webhook/handle_recording");
    }

    @Test
    void toolArgumentsOutsideTheSchemaAreRefusedAndNothingIsKept() {
        String callSid = sid("CA");
        webhook("/webhook/incoming_call", voice(callSid, caller, number, "ringing"));
        try (var twilio = open(null)) {
            twilio.setup("VX" + digits(9), ProviderStubs.ACCOUNT_SID, callSid, caller, number);
            LLM.enqueue(
                    SseChatStub.tools("record_lead", "{\"name\":\"דנה\",\"rooms\":0.3,\"budget\":-5,\"extra\":1}"),
                    SseChatStub.text("כמה ", "חדרים?"));
            twilio.prompt("אני רוצה חצי חדר");
            assertThat(TwilioRelayClient.spoken(twilio.answer(WAIT))).isEqualTo("כמה חדרים?");
            JsonNode toolAnswer = LLM.requests().get(1).path("messages");
            String result =
                    toolAnswer.get(toolAnswer.size() - 1).path("content").asString();
            assertThat(result)
                    .contains("invalid_fields")
                    .contains("rooms")
                    .contains("budget")
                    .contains("extra");
        }
        awaitTurns(callSid, 1);
        String details = jdbc.sql("select coalesce(t.details::text, '') from call_turn t join call_log c"
                        + " on c.id = t.call_id where c.call_sid = ?")
                .param(callSid)
                .query(String.class)
                .single();
        assertThat(details).as("not even the valid name from a refused call").isEmpty();
    }

    @Test
    void aForgedOrMissingHandshakeSignatureIsRefused() {
        for (String forged : List.of("c29tZXRoaW5n", "")) {
            assertThatThrownBy(() -> open(forged))
                    .isInstanceOf(CompletionException.class)
                    .cause()
                    .isInstanceOfSatisfying(
                            WebSocketHandshakeException.class,
                            e -> assertThat(e.getResponse().statusCode()).isEqualTo(403));
        }
        // signed for another URL (another host) is as good as forged
        String other = dev.agentlocator.testkit.TwilioSigner.sign(
                ProviderStubs.AUTH_TOKEN, "wss://evil.example/relay/conversation", Map.of());
        assertThatThrownBy(() -> open(other)).isInstanceOf(CompletionException.class);
    }

    @Test
    void aSetupForAnotherTenantsCallIsClosed() {
        UUID other = UUID.randomUUID();
        String otherNumber = "+9723" + digits(7);
        assignNumber(other, otherNumber);
        String callSid = sid("CA");
        webhook("/webhook/incoming_call", voice(callSid, caller, otherNumber, "ringing"));
        try (var twilio = open(null)) {
            // the call is the other tenant's; the setup names our number
            twilio.setup("VX" + digits(9), ProviderStubs.ACCOUNT_SID, callSid, caller, number);
            assertThat(twilio.closeCode(WAIT)).isEqualTo(1008);
        }
        try (var twilio = open(null)) {
            twilio.setup("VX" + digits(9), ProviderStubs.ACCOUNT_SID, sid("CA"), caller, number);
            assertThat(twilio.closeCode(WAIT)).as("a call we never received").isEqualTo(1008);
        }
        try (var twilio = openFor(otherNumber, null)) {
            // the socket was opened (and signed) for the other tenant's number; the setup names ours
            String ours = sid("CA");
            webhook("/webhook/incoming_call", voice(ours, caller, number, "ringing"));
            twilio.setup("VX" + digits(9), ProviderStubs.ACCOUNT_SID, ours, caller, number);
            assertThat(twilio.closeCode(WAIT))
                    .as("a setup for a number the socket was not opened for")
                    .isEqualTo(1008);
        }
        assertThat(LLM.requests()).isEmpty();
    }

    /** A turn is stored right after its last token went out, so the test may be a moment ahead. */
    private void awaitTurns(String callSid, int n) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            long stored = jdbc.sql("select count(*) from call_turn t join call_log c on c.id = t.call_id"
                            + " where c.call_sid = ? and t.mode = 'streaming'")
                    .param(callSid)
                    .query(Long.class)
                    .single();
            if (stored >= n) {
                return;
            }
            sleep(20);
        }
        throw new AssertionError(n + " streaming turns of " + callSid + " never stored");
    }

    /** The socket the TwiML names for a call to our number. */
    private TwilioRelayClient open(String signature) {
        return openFor(number, signature);
    }

    private TwilioRelayClient openFor(String dialled, String signature) {
        return TwilioRelayClient.open(
                "ws://127.0.0.1:" + port + "/relay/conversation/" + dialled.substring(1),
                ProviderStubs.AUTH_TOKEN,
                signature);
    }

    /** What Twilio posts to the {@code <Connect action>} URL after a ConversationRelay session. */
    private static Map<String, String> action(String callSid, String status, String handoffData) {
        var p = new java.util.LinkedHashMap<String, String>();
        p.put("AccountSid", ProviderStubs.ACCOUNT_SID);
        p.put("CallSid", callSid);
        p.put("CallStatus", "in-progress");
        p.put("SessionId", "VX" + digits(9));
        p.put("SessionStatus", status);
        p.put("SessionDuration", "42");
        if (handoffData != null) {
            p.put("HandoffData", handoffData);
        }
        return p;
    }
}
