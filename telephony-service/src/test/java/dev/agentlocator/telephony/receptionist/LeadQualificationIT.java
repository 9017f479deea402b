package dev.agentlocator.telephony.receptionist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.platform.events.CallLeadEvent;
import dev.agentlocator.platform.events.EventEnvelope;
import dev.agentlocator.telephony.LiveProviders;
import dev.agentlocator.telephony.settings.ReceptionistSettings;
import dev.agentlocator.testkit.ServiceIntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * ADR 0027, telephony's half: the receptionist's structured output (OpenAI's json_schema wire
 * format, from the stub) becomes one {@code call.lead_qualified} after each turn that adds
 * something and one at the end of the call; a malformed, partial, refused or cut-off answer never
 * breaks the call and never puts a field that fails the schema into the lead.
 */
@ServiceIntegrationTest
class LeadQualificationIT extends LiveProviders {

    UUID tenant;
    String number;
    String caller;
    UUID customer;

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
        assignNumber(tenant, number);
        STUBS.crmResolves(customer, caller);
        STUBS.googleToken();
        STUBS.tts(0);
    }

    @Test
    void eachTurnThatAddsSomethingAndTheEndOfTheCallAnnounceTheLeadWithItsTurns() {
        String callSid = sid("CA");
        webhook("/webhook/incoming_call", voice(callSid, caller, number, "ringing"));

        turn(
                callSid,
                "שלום, קוראים לי דנה כהן ואני רוצה לקנות דירה",
                "נעים מאוד דנה. באיזה אזור ובאיזה תקציב?",
                Map.of("name", "דנה כהן", "intent", "buy", "summary", "דנה מעוניינת לקנות דירה."));
        turn(
                callSid,
                "ברמת גן, ארבעה חדרים, עד שני מיליון וחצי",
                "מצוין, נציג יחזור אלייך.",
                Map.of(
                        "name", "דנה כהן",
                        "intent", "buy",
                        "area", "רמת גן",
                        "rooms", 4,
                        "budget", 2_500_000,
                        "summary", "דנה מחפשת דירת 4 חדרים לקנייה ברמת גן עד 2.5 מיליון ש״ח.",
                        "callbackPromised", true));
        // the same lead again: nothing new, no event
        turn(
                callSid,
                "תודה",
                "בשמחה, יום טוב.",
                Map.of(
                        "name", "דנה כהן",
                        "intent", "buy",
                        "area", "רמת גן",
                        "rooms", 4.0,
                        "budget", 2_500_000,
                        "summary", "דנה מחפשת דירת 4 חדרים לקנייה ברמת גן עד 2.5 מיליון ש״ח.",
                        "callbackPromised", true));

        List<EventEnvelope> afterTurns = leads(callSid);
        assertThat(afterTurns).hasSize(2);
        var first = afterTurns.get(0).payload(CallLeadEvent.QUALIFIED);
        assertThat(first.name()).isEqualTo("דנה כהן");
        assertThat(first.intent()).isEqualTo("buy");
        assertThat(first.budgetAgorot()).isNull();
        assertThat(first.callEnded()).isNull();
        assertThat(afterTurns.get(0).customerId()).isEqualTo(customer);
        var second = afterTurns.get(1).payload(CallLeadEvent.QUALIFIED);
        assertThat(second.budgetAgorot()).isEqualTo(250_000_000L);
        assertThat(second.rooms()).isEqualTo("4");
        assertThat(second.area()).isEqualTo("רמת גן");
        assertThat(second.callbackPromised()).isTrue();
        assertThat(second.sources())
                .containsEntry("name", 1)
                .containsEntry("intent", 1)
                .containsEntry("area", 2)
                .containsEntry("budgetAgorot", 2)
                .containsEntry("summary", 2);
        assertThat(second.turns()).isEqualTo(2);

        var completed = voice(callSid, caller, number, "completed");
        completed.put("CallDuration", "95");
        webhook("/webhook/call_status", completed);
        webhook("/webhook/call_status", completed);

        List<EventEnvelope> all = leads(callSid);
        assertThat(all).as("one more, at the end, however often Twilio tells").hasSize(3);
        var last = all.get(2).payload(CallLeadEvent.QUALIFIED);
        assertThat(last.callEnded()).isTrue();
        assertThat(last.callbackPromised()).isTrue();
        assertThat(last.turns()).isEqualTo(3);
        assertThat(last.name()).isEqualTo("דנה כהן");
        assertThat(last.callId()).isNotBlank();
    }

    @Test
    void aMalformedRefusedOrCutOffAnswerEndsInTheFallbackAndAddsNothing() {
        String callSid = sid("CA");
        webhook("/webhook/incoming_call", voice(callSid, caller, number, "ringing"));
        STUBS.whisper("קוראים לי יוסי", 0);

        STUBS.chatAnswer("{\"reply\":\"נעים מאוד\",\"lead\":{\"name\":\"יוסי", null, "length", 0);
        assertThat(recording(callSid)).contains(ReceptionistSettings.FALLBACK);
        STUBS.chatAnswer(null, "I'm sorry, I cannot help with that.", "stop", 0);
        assertThat(recording(callSid)).contains(ReceptionistSettings.GOODBYE);

        String second = sid("CA");
        webhook("/webhook/incoming_call", voice(second, caller, number, "ringing"));
        STUBS.chatAnswer("not json at all", null, "stop", 0);
        assertThat(recording(second)).contains(ReceptionistSettings.FALLBACK);

        assertThat(leads(callSid)).isEmpty();
        assertThat(leads(second)).isEmpty();
        assertThat(jdbc.sql("select count(*) from call_turn t join call_log c on c.id = t.call_id"
                                + " where c.call_sid in (?, ?) and t.details is not null and t.details <> '{}'::jsonb")
                        .param(callSid)
                        .param(second)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aPartialAnswerKeepsTheReplyAndTheValidFieldsAndDropsTheRest() {
        String callSid = sid("CA");
        webhook("/webhook/incoming_call", voice(callSid, caller, number, "ringing"));
        STUBS.whisper("קוראים לי יוסי ואני מחפש שלושה חדרים", 0);
        STUBS.chatAnswer("""
                {"reply":"נעים מאוד יוסי, באיזה אזור?",
                 "lead":{"name":"יוסי לוי","intent":"לקנות","rooms":"שלושה","budget":-5,
                         "area":null,"timing":null,"summary":"יוסי מחפש דירה.","callbackPromised":"yes"}}""", null, "stop", 0);

        String twiml = recording(callSid);

        assertThat(twiml).doesNotContain(ReceptionistSettings.FALLBACK);
        var lead = leads(callSid);
        assertThat(lead).hasSize(1);
        var p = lead.get(0).payload(CallLeadEvent.QUALIFIED);
        assertThat(p.name()).isEqualTo("יוסי לוי");
        assertThat(p.summary()).isEqualTo("יוסי מחפש דירה.");
        assertThat(p.intent()).isNull();
        assertThat(p.rooms()).isNull();
        assertThat(p.budgetAgorot()).isNull();
        assertThat(p.callbackPromised()).isNull();
    }

    @Test
    void aCallerWhoHangsUpBeforeSpeakingEndsWithALeadWithoutAPromise() {
        String callSid = sid("CA");
        webhook("/webhook/incoming_call", voice(callSid, caller, number, "ringing"));
        var completed = voice(callSid, caller, number, "completed");
        completed.put("CallDuration", "4");

        webhook("/webhook/call_status", completed);

        var lead = leads(callSid);
        assertThat(lead).hasSize(1);
        var p = lead.get(0).payload(CallLeadEvent.QUALIFIED);
        assertThat(p.callEnded()).isTrue();
        assertThat(p.callbackPromised()).isNull();
        assertThat(p.turns()).isZero();
    }

    @Test
    void theCallListFiltersByOutcomeAndDayAndCarriesTheSummary() {
        String answered = sid("CA");
        webhook("/webhook/incoming_call", voice(answered, caller, number, "ringing"));
        turn(
                answered,
                "אני רוצה לשכור דירה",
                "בשמחה, באיזה אזור?",
                Map.of("intent", "rent", "summary", "המתקשר מחפש דירה לשכירות."));
        webhook("/webhook/call_status", voice(answered, caller, number, "completed"));
        String missed = sid("CA");
        webhook("/webhook/incoming_call", voice(missed, caller, number, "ringing"));
        webhook("/webhook/call_status", voice(missed, caller, number, "completed"));
        var agent = agent(tenant);
        String today =
                java.time.LocalDate.now(java.time.ZoneId.of("Asia/Jerusalem")).toString();

        var answeredOnly = agent.get("/api/calls?outcome=answered&from=" + today + "&to=" + today);
        assertThat(answeredOnly.status()).isEqualTo(200);
        assertThat(answeredOnly.<List<String>>json("$.items[*].callSid")).containsExactly(answered);
        assertThat(answeredOnly.<String>json("$.items[0].summary")).isEqualTo("המתקשר מחפש דירה לשכירות.");
        assertThat(agent.get("/api/calls?outcome=missed").<List<String>>json("$.items[*].callSid"))
                .containsExactly(missed);
        assertThat(agent.get("/api/calls?to=2020-01-01").<Integer>json("$.total"))
                .isZero();
        for (String bad : List.of("outcome=lost", "from=yesterday", "to=2026-13-01", "from=2026-03-02&to=2026-03-01")) {
            var response = agent.get("/api/calls?" + bad);
            assertThat(response.status()).as(bad).isEqualTo(400);
            assertThat(response.<String>json("$.message")).containsPattern("[א-ת]");
        }
        assertThat(agent(UUID.randomUUID()).get("/api/calls?outcome=answered").<Integer>json("$.total"))
                .as("another tenant sees none of them")
                .isZero();
    }

    private void turn(String callSid, String said, String reply, Map<String, Object> lead) {
        STUBS.whisper(said, 0);
        STUBS.chat(reply, lead, 0);
        assertThat(recording(callSid)).doesNotContain(ReceptionistSettings.FALLBACK);
    }

    private String recording(String callSid) {
        String recording = sid("RE");
        var response = webhook(
                "/webhook/handle_recording",
                recorded(callSid, caller, number, recording, STUBS.recording(recording), 6));
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    private List<EventEnvelope> leads(String callSid) {
        return jdbc
                .sql("select envelope from outbox_event where event_type = 'call.lead_qualified'"
                        + " and envelope like ? order by seq")
                .param("%" + callSid + "%")
                .query(String.class)
                .list()
                .stream()
                .map(e -> json.readValue(e, EventEnvelope.class))
                .toList();
    }
}
