package dev.agentlocator.telephony.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.telephony.LiveProviders;
import dev.agentlocator.telephony.ProviderStubs;
import dev.agentlocator.testkit.Api;
import dev.agentlocator.testkit.MutableClock;
import dev.agentlocator.testkit.ServiceIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 16, item 2: two tenants, the same person. An inbound WhatsApp message goes to the tenant
 * that owns the sender it was sent to; on the shared sender only to the one tenant whose message
 * Twilio accepted within the last 24 hours, else to nobody, reported to the operator. Twilio's
 * Messages API is a stub answering in its documented format (201 with {@code sid}; errors with
 * {@code code}, {@code message}, {@code more_info}, {@code status}).
 */
@ServiceIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class WhatsAppRoutingIT extends LiveProviders {

    static final Instant MONDAY_MORNING = Instant.parse("2026-03-30T07:00:00Z");
    static final String SHARED = ProviderStubs.WHATSAPP_DEVICE;

    @TestConfiguration
    static class Time {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(MONDAY_MORNING);
        }
    }

    @Autowired
    MutableClock clock;

    @Autowired
    MeterRegistry meters;

    UUID tenantA;
    UUID tenantB;
    UUID customerOfA;
    UUID customerOfB;
    String person;

    @DynamicPropertySource
    static void crm(DynamicPropertyRegistry registry) {
        registry.add("agentlocator.telephony.crm.base-url", STUBS::url);
    }

    /** The same person is a customer of A and, since B added their phone, a customer of B. */
    @BeforeEach
    void twoTenantsWithTheSamePerson() {
        clock.set(MONDAY_MORNING);
        tenantA = UUID.randomUUID();
        tenantB = UUID.randomUUID();
        customerOfA = UUID.randomUUID();
        customerOfB = UUID.randomUUID();
        person = "+97252" + digits(7);
        customerEvent(tenantA, customerOfA, "customer.created", "יוסי מזרחי", person);
        customerEvent(tenantB, customerOfB, "customer.created", "יוסי", person);
        awaitCustomer(tenantA, customerOfA);
        awaitCustomer(tenantB, customerOfB);
        chooseOpeningTemplate(tenantA);
        chooseOpeningTemplate(tenantB);
    }

    @Test
    void aTenantWhoseMessageTwilioNeverAcceptedDoesNotGetTheReply() {
        accepted(tenantA, customerOfA);
        clock.advance(Duration.ofHours(1));
        STUBS.twilioRefuses(
                "Messages", 400, 63016, "Failed to send freeform message because you are outside the allowed window.");
        assertThat(start(tenantB, customerOfB).status()).isEqualTo(502);
        STUBS.twilioRefuses("Messages", 500, 20500, "Internal Server Error");
        assertThat(start(tenantB, customerOfB).status()).isEqualTo(502);

        clock.advance(Duration.ofHours(1));
        String reply = reply(person, SHARED, null);

        assertThat(inbound(tenantA)).containsExactly(reply);
        assertThat(inbound(tenantB)).isEmpty();
        assertThat(unrouted(reply)).isEmpty();
    }

    @Test
    void twoRealConversationsMeanTheReplyGoesToNobodyAndIsReported(CapturedOutput output) {
        double before = unroutedCount("ambiguous");
        accepted(tenantA, customerOfA);
        clock.advance(Duration.ofHours(1));
        accepted(tenantB, customerOfB);
        clock.advance(Duration.ofMinutes(10));

        String reply = reply(person, SHARED, null);
        reply(person, SHARED, null, reply); // Twilio retries the same MessageSid

        assertThat(inbound(tenantA)).isEmpty();
        assertThat(inbound(tenantB)).isEmpty();
        Map<String, Object> row = unrouted(reply).orElseThrow();
        assertThat(row)
                .containsEntry("reason", "ambiguous")
                .containsEntry("sender", SHARED)
                .containsEntry("peer_phone", person)
                .containsEntry("body", "מי זה?");
        assertThat(uuids(row.get("candidate_tenants"))).containsExactlyInAnyOrder(tenantA, tenantB);
        assertThat(unroutedCount("ambiguous") - before).isEqualTo(1);
        assertThat(output.getOut()).contains("WhatsApp message " + reply).contains("delivered to no tenant (ambiguous");
    }

    @Test
    void aReplyMoreThanADayAfterTheAcceptedMessageGoesToNobody() {
        accepted(tenantA, customerOfA);

        clock.advance(Duration.ofHours(23).plusMinutes(59));
        String inTime = reply(person, SHARED, null);
        clock.advance(Duration.ofMinutes(2));
        String tooLate = reply(person, SHARED, null);

        assertThat(inbound(tenantA)).containsExactly(inTime);
        assertThat(unrouted(tooLate).orElseThrow()).containsEntry("reason", "no_conversation");
        assertThat(inbound(tenantB)).isEmpty();
    }

    @Test
    void aStatusCallbackChangesOnlyItsOwnMessageAndAnUndeliveredMessageEndsTheConversation() {
        String ofA = accepted(tenantA, customerOfA);
        clock.advance(Duration.ofMinutes(5));
        String ofB = accepted(tenantB, customerOfB);

        Map<String, String> callback = new LinkedHashMap<>();
        callback.put("AccountSid", ProviderStubs.ACCOUNT_SID);
        callback.put("MessageSid", ofB);
        callback.put("MessageStatus", "undelivered");
        callback.put("ErrorCode", "63024");
        callback.put("From", "whatsapp:" + SHARED);
        callback.put("To", "whatsapp:" + person);
        assertThat(webhook("/webhook/whatsapp_status", callback).status()).isEqualTo(200);

        assertThat(statusOf(ofB)).isEqualTo("undelivered");
        assertThat(statusOf(ofA)).isEqualTo("queued");
        clock.advance(Duration.ofMinutes(5));
        String reply = reply(person, SHARED, null);
        assertThat(inbound(tenantA)).containsExactly(reply);
        assertThat(inbound(tenantB)).isEmpty();
    }

    @Test
    void aTenantsOwnSenderGetsItsRepliesAndSendsItsMessages() {
        String numberOfA = "+97233" + digits(6);
        assertThat(owner(tenantA)
                        .post(
                                "/api/whatsapp/senders",
                                "{\"address\":\"whatsapp:" + numberOfA + "\",\"label\":\"ראשי\"}")
                        .status())
                .isEqualTo(201);
        accepted(tenantB, customerOfB); // a real conversation of B's, on the shared sender

        accepted(tenantA, customerOfA);
        assertThat(lastMessageSent())
                .containsEntry("From", "whatsapp:" + numberOfA)
                .containsEntry("To", "whatsapp:" + person);
        assertThat(agent(tenantA)
                        .get("/api/customers/" + customerOfA + "/whatsapp/messages")
                        .<String>json("$.items[0].device"))
                .isEqualTo(numberOfA);
        String toA = reply(person, numberOfA, null);

        assertThat(inbound(tenantA)).containsExactly(toA);
        assertThat(inbound(tenantB)).isEmpty();

        UUID tenantC = UUID.randomUUID();
        UUID customerOfC = UUID.randomUUID();
        customerEvent(tenantC, customerOfC, "customer.created", "יוסי מ.", person);
        awaitCustomer(tenantC, customerOfC);
        chooseOpeningTemplate(tenantC);
        String service = "MG" + UUID.randomUUID().toString().replace("-", "");
        assertThat(owner(tenantC)
                        .post("/api/whatsapp/senders", "{\"address\":\"" + service + "\"}")
                        .<String>json("$.kind"))
                .isEqualTo("messaging_service");
        accepted(tenantC, customerOfC);
        assertThat(lastMessageSent())
                .containsEntry("MessagingServiceSid", service)
                .doesNotContainKey("From");
        String toC = reply(person, "+97233" + digits(6), service);

        assertThat(inbound(tenantC)).containsExactly(toC);
        assertThat(inbound(tenantA)).containsExactly(toA);
        assertThat(inbound(tenantB)).isEmpty();
    }

    @Test
    void aMessageToASenderNoTenantOwnsIsRefusedNotGuessed() {
        accepted(tenantA, customerOfA);
        double before = unroutedCount("unknown_sender");

        String reply = reply(person, "+97233" + digits(6), null);

        assertThat(inbound(tenantA)).isEmpty();
        assertThat(unrouted(reply)).isEmpty();
        assertThat(jdbc.sql("select count(*) from whatsapp_message where message_sid = ?")
                        .param(reply)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(unroutedCount("unknown_sender") - before).isEqualTo(1);
    }

    @Test
    void onlyTheOwnerManagesSendersAndASenderBelongsToOneTenant() {
        String number = "+97233" + digits(6);
        String body = "{\"address\":\"" + number + "\"}";

        assertThat(agent(tenantA).post("/api/whatsapp/senders", body).status()).isEqualTo(403);
        var invalid = owner(tenantA).post("/api/whatsapp/senders", "{\"address\":\"שלום\"}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.<String>json("$.error")).isEqualTo("invalid_sender");
        assertThat(invalid.<String>json("$.details.fields.address")).contains("WhatsApp", "MG");
        var shared = owner(tenantA).post("/api/whatsapp/senders", "{\"address\":\"whatsapp:" + SHARED + "\"}");
        assertThat(shared.status()).isEqualTo(409);
        assertThat(shared.<String>json("$.error")).isEqualTo("sender_shared");

        String numberOfB = "+97233" + digits(6);
        assignNumber(tenantB, numberOfB);
        assertThat(owner(tenantA)
                        .post("/api/whatsapp/senders", "{\"address\":\"" + numberOfB + "\"}")
                        .<String>json("$.error"))
                .as("the admin gave that number to B")
                .isEqualTo("sender_taken");
        assertThat(owner(tenantB)
                        .post("/api/whatsapp/senders", "{\"address\":\"" + numberOfB + "\"}")
                        .status())
                .isEqualTo(201);

        var registered = owner(tenantA).post("/api/whatsapp/senders", body);
        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.<String>json("$.address")).isEqualTo("whatsapp:" + number);
        var taken = owner(tenantB).post("/api/whatsapp/senders", "{\"address\":\"whatsapp:" + number + "\"}");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.<String>json("$.error")).isEqualTo("sender_taken");
        assertThat(owner(tenantA).get("/api/whatsapp/senders").<List<String>>json("$[*].address"))
                .containsExactly("whatsapp:" + number);

        String id = registered.json("$.id");
        assertThat(owner(tenantB).delete("/api/whatsapp/senders/" + id).status())
                .isEqualTo(404);
        assertThat(owner(tenantA).delete("/api/whatsapp/senders/" + id).status())
                .isEqualTo(204);
        assertThat(owner(tenantA).get("/api/whatsapp/senders").<List<String>>json("$[*].address"))
                .isEmpty();
        String afterRemoval = reply(person, number, null);
        assertThat(inbound(tenantA)).doesNotContain(afterRemoval);
        assertThat(unrouted(afterRemoval)).isEmpty();
    }

    /** The tenant sends from the customer page and Twilio accepts it (201 with a new sid). */
    private String accepted(UUID tenant, UUID customer) {
        String sid = sid("SM");
        STUBS.messageCreated(sid);
        var sent = start(tenant, customer);
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        assertThat(sent.<String>json("$.messageSid")).isEqualTo(sid);
        return sid;
    }

    private Api.Response start(UUID tenant, UUID customer) {
        // Nobody wrote yet: outside the 24-hour window, so this opens with the tenant's template.
        return agent(tenant).post("/api/customers/" + customer + "/whatsapp/start", "");
    }

    /** The person writes to {@code to}, as Twilio posts it (signed); returns the MessageSid. */
    private String reply(String from, String to, String messagingServiceSid) {
        return reply(from, to, messagingServiceSid, sid("SM"));
    }

    private String reply(String from, String to, String messagingServiceSid, String messageSid) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", ProviderStubs.ACCOUNT_SID);
        params.put("MessageSid", messageSid);
        params.put("SmsMessageSid", messageSid);
        if (messagingServiceSid != null) {
            params.put("MessagingServiceSid", messagingServiceSid);
        }
        params.put("From", "whatsapp:" + from);
        params.put("To", "whatsapp:" + to);
        params.put("Body", "מי זה?");
        params.put("NumMedia", "0");
        params.put("ProfileName", "Yossi");
        params.put("WaId", from.substring(1));
        var response = webhook("/webhook/whatsapp_incoming", params);
        assertThat(response.status()).isEqualTo(200);
        return messageSid;
    }

    /** The MessageSids of the inbound messages the tenant's people see. */
    private List<String> inbound(UUID tenant) {
        var page = agent(tenant).get("/api/whatsapp/messages?limit=100");
        assertThat(page.status()).isEqualTo(200);
        return page.json("$.items[?(@.direction == 'inbound')].messageSid");
    }

    private Optional<Map<String, Object>> unrouted(String messageSid) {
        return jdbc
                .sql("select * from whatsapp_unrouted_message where message_sid = ?")
                .param(messageSid)
                .query()
                .listOfRows()
                .stream()
                .findFirst();
    }

    private String statusOf(String messageSid) {
        return jdbc.sql("select status from whatsapp_message where message_sid = ?")
                .param(messageSid)
                .query(String.class)
                .single();
    }

    private double unroutedCount(String reason) {
        var counter =
                meters.find("whatsapp.inbound.unrouted").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private static Map<String, String> lastMessageSent() {
        var requests = STUBS.server.findAll(
                postRequestedFor(urlEqualTo("/2010-04-01/Accounts/" + ProviderStubs.ACCOUNT_SID + "/Messages.json")));
        return WhatsAppIT.form(requests.get(requests.size() - 1).getBodyAsString());
    }

    private static List<UUID> uuids(Object sqlArray) {
        try {
            return List.of((UUID[]) ((Array) sqlArray).getArray());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
