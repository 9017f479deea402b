package dev.agentlocator.telephony.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.platform.events.Topics;
import dev.agentlocator.telephony.LiveProviders;
import dev.agentlocator.telephony.ProviderStubs;
import dev.agentlocator.testkit.Api;
import dev.agentlocator.testkit.MutableClock;
import dev.agentlocator.testkit.ServiceIntegrationTest;
import dev.agentlocator.testkit.TestJwt;
import dev.agentlocator.testkit.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 18 (ADR 0029) against stubs of Twilio's Messages and Content APIs and crm-service, with
 * Twilio-signed webhooks: the 24-hour window, templates, Hebrew errors, leads from unknown writers,
 * opt-out, and the inbox.
 */
@ServiceIntegrationTest
class WhatsAppWindowIT extends LiveProviders {

    static final Instant MORNING = Instant.parse("2026-03-30T07:00:00Z");
    static final String MESSAGES = "/2010-04-01/Accounts/" + ProviderStubs.ACCOUNT_SID + "/Messages.json";

    @TestConfiguration
    static class Time {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(MORNING);
        }
    }

    @Autowired
    MutableClock clock;

    @DynamicPropertySource
    static void crm(DynamicPropertyRegistry registry) {
        registry.add("agentlocator.telephony.crm.base-url", STUBS::url);
    }

    UUID tenant;
    String sender;

    @BeforeEach
    void aTenantWithItsOwnSender() {
        clock.set(MORNING);
        tenant = UUID.randomUUID();
        sender = "+97233" + digits(6);
        registerSender(tenant, sender);
        STUBS.contentTemplates();
    }

    @Test
    void anUnknownWriterBecomesALeadAndTheWindowDecidesBetweenTextAndTemplates() {
        String phone = "+97254" + digits(7);
        UUID lead = UUID.randomUUID();
        STUBS.crmResolves(lead, phone);

        String first = inbound(phone, sender, "שלום, ראיתי את הדירה ברחוב הרצל", "דנה כהן");

        STUBS.server.verify(postRequestedFor(urlEqualTo("/internal/customers/resolve"))
                .withRequestBody(
                        equalToJson("{\"phone\":\"" + phone + "\",\"source\":\"whatsapp\",\"name\":\"דנה כהן\"}")));
        customerEvent(tenant, lead, "customer.created", "דנה כהן", phone);
        awaitCustomer(tenant, lead);
        var inbox = agent(tenant).get("/api/whatsapp/conversations");
        assertThat(inbox.status()).isEqualTo(200);
        assertThat(inbox.<Integer>json("$.total")).isEqualTo(1);
        assertThat(inbox.<String>json("$.items[0].peerPhone")).isEqualTo(phone);
        assertThat(inbox.<String>json("$.items[0].customerId")).isEqualTo(lead.toString());
        assertThat(inbox.<String>json("$.items[0].customerName")).isEqualTo("דנה כהן");
        assertThat(inbox.<Integer>json("$.items[0].unreadCount")).isEqualTo(1);
        assertThat(inbox.<String>json("$.items[0].lastMessageText")).isEqualTo("שלום, ראיתי את הדירה ברחוב הרצל");
        assertThat(inbox.<Boolean>json("$.items[0].windowOpen")).isTrue();
        assertThat(agent(tenant)
                        .get("/api/whatsapp/conversations?filter=unread")
                        .<Integer>json("$.total"))
                .isEqualTo(1);
        var received = TopicReader.awaitRecord(
                Topics.TELEPHONY_WHATSAPP,
                r -> r.value().contains(first) && r.value().contains("whatsapp.received"),
                Duration.ofSeconds(20));
        assertThat(received.key()).isEqualTo(lead.toString());

        assertThat(agent(tenant)
                        .post("/api/whatsapp/conversations/" + phone + "/read", "")
                        .status())
                .isEqualTo(200);
        assertThat(agent(tenant)
                        .get("/api/whatsapp/conversations?filter=unread")
                        .<Integer>json("$.total"))
                .isEqualTo(0);

        clock.advance(Duration.ofHours(2));
        var state = agent(tenant).get("/api/customers/" + lead + "/whatsapp/conversation");
        assertThat(state.<Boolean>json("$.windowOpen")).isTrue();
        assertThat(Instant.parse(state.<String>json("$.windowClosesAt"))).isEqualTo(MORNING.plus(Duration.ofHours(24)));
        String answerSid = sid("SM");
        STUBS.messageCreated(answerSid);
        var answer = agent(tenant)
                .post("/api/customers/" + lead + "/whatsapp/start", "{\"text\":\"היי דנה, הדירה עדיין פנויה\"}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(lastSent())
                .containsEntry("Body", "היי דנה, הדירה עדיין פנויה")
                .containsEntry("From", "whatsapp:" + sender)
                .doesNotContainKey("ContentSid");

        clock.advance(Duration.ofHours(23)); // 25 hours after she wrote
        state = agent(tenant).get("/api/customers/" + lead + "/whatsapp/conversation");
        assertThat(state.<Boolean>json("$.windowOpen")).isFalse();
        int sentBefore = sentCount();
        var refused = agent(tenant).post("/api/customers/" + lead + "/whatsapp/start", "{\"text\":\"עוד משהו\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.<String>json("$.error")).isEqualTo("whatsapp_window_closed");
        assertThat(refused.<String>json("$.message")).contains("24 שעות", "תבנית");
        assertThat(sentCount()).as("nothing is sent to fail at Twilio").isEqualTo(sentBefore);

        assertThat(owner(tenant)
                        .put(
                                "/api/whatsapp/templates/purposes/task_follow_up",
                                "{\"contentSid\":\"" + ProviderStubs.FOLLOW_UP_TEMPLATE + "\"}")
                        .status())
                .isEqualTo(200);
        var preview = agent(tenant)
                .post("/api/customers/" + lead + "/whatsapp/template/preview", "{\"purpose\":\"task_follow_up\"}");
        assertThat(preview.<String>json("$.text")).isEqualTo("שלום דנה כהן, רצינו לחזור אליך כפי שסיכמנו.");
        String templateSid = sid("SM");
        STUBS.messageCreated(templateSid);
        var template =
                agent(tenant).post("/api/customers/" + lead + "/whatsapp/template", "{\"purpose\":\"task_follow_up\"}");
        assertThat(template.status()).as(template.body()).isEqualTo(201);
        assertThat(template.<String>json("$.contentSid")).isEqualTo(ProviderStubs.FOLLOW_UP_TEMPLATE);
        assertThat(template.<String>json("$.text")).isEqualTo("שלום דנה כהן, רצינו לחזור אליך כפי שסיכמנו.");
        assertThat(lastSent())
                .containsEntry("ContentSid", ProviderStubs.FOLLOW_UP_TEMPLATE)
                .containsEntry("ContentVariables", "{\"1\":\"דנה כהן\"}")
                .containsEntry("From", "whatsapp:" + sender)
                .doesNotContainKey("Body");

        var failed = webhook("/webhook/whatsapp_status", failedStatus(templateSid, "63016"));
        assertThat(failed.status()).isEqualTo(200);
        var thread = agent(tenant).get("/api/customers/" + lead + "/whatsapp/messages");
        assertThat(thread.<String>json("$.items[0].status")).isEqualTo("failed");
        assertThat(thread.<String>json("$.items[0].errorCode")).isEqualTo("63016");
        assertThat(thread.<String>json("$.items[0].errorMessage")).startsWith("עברו יותר מ־24 שעות");
        var event = TopicReader.awaitRecord(
                Topics.TELEPHONY_WHATSAPP,
                r -> r.value().contains(templateSid) && r.value().contains("\"status\":\"failed\""),
                Duration.ofSeconds(20));
        assertThat(event.value()).contains("\"errorCode\":\"63016\"", "\"errorMessage\":\"עברו יותר מ־24 שעות");
    }

    @Test
    void aDueAlertOutsideTheWindowOpensWithTheOpeningTemplateOrSaysWhichIsMissing() {
        UUID customer = knownCustomer("רונית לוי");
        var missing = agent(tenant).post("/api/customers/" + customer + "/whatsapp/start", "");
        assertThat(missing.status()).isEqualTo(409);
        assertThat(missing.<String>json("$.error")).isEqualTo("whatsapp_template_missing");
        assertThat(missing.<String>json("$.message")).contains("פתיחת שיחה");

        chooseOpeningTemplate(tenant);
        String messageSid = sid("SM");
        STUBS.messageCreated(messageSid);
        var opened = agent(tenant).post("/api/customers/" + customer + "/whatsapp/start", "");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        assertThat(lastSent()).containsEntry("ContentSid", ProviderStubs.OPENING_TEMPLATE);
    }

    @Test
    void templatesComeFromTwilioWithTheirApprovalAndOnlyTheOwnerChooses() {
        var list = owner(tenant).get("/api/whatsapp/templates");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.<List<String>>json("$[*].sid"))
                .as("both pages of the Content API")
                .containsExactly(
                        ProviderStubs.OPENING_TEMPLATE,
                        ProviderStubs.FOLLOW_UP_TEMPLATE,
                        ProviderStubs.SIGNING_TEMPLATE,
                        ProviderStubs.PENDING_TEMPLATE);
        assertThat(list.<List<String>>json("$[*].whatsappStatus"))
                .containsExactly("approved", "approved", "approved", "pending");
        assertThat(agent(tenant).get("/api/whatsapp/templates").status()).isEqualTo(403);
        assertThat(agent(tenant)
                        .put(
                                "/api/whatsapp/templates/purposes/opening",
                                "{\"contentSid\":\"" + ProviderStubs.OPENING_TEMPLATE + "\"}")
                        .status())
                .isEqualTo(403);

        var pending = owner(tenant)
                .put(
                        "/api/whatsapp/templates/purposes/opening",
                        "{\"contentSid\":\"" + ProviderStubs.PENDING_TEMPLATE + "\"}");
        assertThat(pending.status()).isEqualTo(409);
        assertThat(pending.<String>json("$.error")).isEqualTo("template_not_approved");
        assertThat(pending.<String>json("$.message")).contains("ממתינה לאישור");
        assertThat(owner(tenant)
                        .put(
                                "/api/whatsapp/templates/purposes/birthday",
                                "{\"contentSid\":\"" + ProviderStubs.OPENING_TEMPLATE + "\"}")
                        .<String>json("$.error"))
                .isEqualTo("unknown_purpose");
        assertThat(owner(tenant)
                        .put("/api/whatsapp/templates/purposes/opening", "{\"contentSid\":\"HX12\"}")
                        .status())
                .isEqualTo(400);
        assertThat(owner(tenant)
                        .put(
                                "/api/whatsapp/templates/purposes/opening",
                                "{\"contentSid\":\"HX" + "e".repeat(32) + "\"}")
                        .<String>json("$.error"))
                .isEqualTo("template_not_found");
        assertThat(owner(tenant)
                        .put("/api/whatsapp/templates/purposes/opening", "{\"contentSid\":")
                        .status())
                .isEqualTo(400);

        var signing = owner(tenant)
                .put(
                        "/api/whatsapp/templates/purposes/signing_link",
                        "{\"contentSid\":\"" + ProviderStubs.SIGNING_TEMPLATE + "\"}");
        assertThat(signing.status()).isEqualTo(200);
        assertThat(signing.<Map<String, String>>json("$.variables"))
                .isEqualTo(Map.of("1", "customerName", "2", "link"));
        UUID customer = knownCustomer("אבי ישראלי");
        var noLink = agent(tenant)
                .post("/api/customers/" + customer + "/whatsapp/template/preview", "{\"purpose\":\"signing_link\"}");
        assertThat(noLink.status()).isEqualTo(400);
        assertThat(noLink.<String>json("$.error")).isEqualTo("template_value_missing");
        assertThat(noLink.<String>json("$.message")).isEqualTo("חסר קישור כדי למלא את התבנית");
        var preview = agent(tenant)
                .post(
                        "/api/customers/" + customer + "/whatsapp/template/preview",
                        "{\"purpose\":\"signing_link\",\"values\":{\"link\":\"https://app.example/s/abc\"}}");
        assertThat(preview.<String>json("$.text"))
                .isEqualTo("שלום אבי ישראלי, המסמך מוכן לחתימה: https://app.example/s/abc");
        assertThat(agent(tenant).get("/api/whatsapp/templates/purposes").<List<String>>json("$[*].purpose"))
                .containsExactly("signing_link");
        assertThat(agent(UUID.randomUUID())
                        .get("/api/whatsapp/templates/purposes")
                        .<List<String>>json("$[*].purpose"))
                .as("another tenant's choices are its own")
                .isEmpty();
    }

    @Test
    void stopOptsOutUntilStartAndBothAreOnTheTimeline() {
        UUID customer = knownCustomer("משה פרץ");
        String phone = phoneOf(customer);
        chooseOpeningTemplate(tenant);
        String stop = inbound(phone, sender, "STOP", "Moshe");

        var refused = agent(tenant).post("/api/customers/" + customer + "/whatsapp/start", "{\"text\":\"שלום\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.<String>json("$.error")).isEqualTo("whatsapp_opted_out");
        assertThat(refused.<String>json("$.message")).contains("START");
        assertThat(agent(tenant)
                        .post("/api/customers/" + customer + "/whatsapp/template", "{\"purpose\":\"opening\"}")
                        .status())
                .isEqualTo(409);
        assertThat(agent(tenant)
                        .get("/api/customers/" + customer + "/whatsapp/conversation")
                        .<Boolean>json("$.optedOut"))
                .isTrue();

        String start = inbound(phone, sender, "start", "Moshe");
        String messageSid = sid("SM");
        STUBS.messageCreated(messageSid);
        assertThat(agent(tenant)
                        .post("/api/customers/" + customer + "/whatsapp/start", "{\"text\":\"ברוך השב\"}")
                        .status())
                .isEqualTo(201);
        var events = TopicReader.awaitRecords(
                Topics.TELEPHONY_WHATSAPP,
                r -> r.value().contains(stop) || r.value().contains(start),
                2,
                Duration.ofSeconds(20));
        assertThat(events.get(0).value()).contains("\"optOut\":\"opted_out\"");
        assertThat(events.get(1).value()).contains("\"optOut\":\"opted_in\"");
    }

    @Test
    void twoTenantsTwoSendersTheSamePersonEachMessageLandsWithItsSendersTenantOnly() {
        UUID other = UUID.randomUUID();
        String otherSender = "+97233" + digits(6);
        registerSender(other, otherSender);
        String person = "+97250" + digits(7);
        UUID mine = UUID.randomUUID();
        UUID theirs = UUID.randomUUID();
        customerEvent(tenant, mine, "customer.created", "שרה", person);
        customerEvent(other, theirs, "customer.created", "שרה א.", person);
        awaitCustomer(tenant, mine);
        awaitCustomer(other, theirs);

        String toMine = inbound(person, sender, "לגבי הדירה שלכם", "Sara");
        String toTheirs = inbound(person, otherSender, "לגבי המשרד שלכם", "Sara");

        assertThat(agent(tenant)
                        .get("/api/customers/" + mine + "/whatsapp/messages")
                        .<List<String>>json("$.items[*].messageSid"))
                .containsExactly(toMine);
        assertThat(agent(other)
                        .get("/api/customers/" + theirs + "/whatsapp/messages")
                        .<List<String>>json("$.items[*].messageSid"))
                .containsExactly(toTheirs);
        assertThat(agent(tenant).get("/api/whatsapp/conversations").<List<String>>json("$.items[*].lastMessageText"))
                .containsExactly("לגבי הדירה שלכם");
        assertThat(agent(other).get("/api/whatsapp/conversations").<List<String>>json("$.items[*].lastMessageText"))
                .containsExactly("לגבי המשרד שלכם");
        assertThat(agent(UUID.randomUUID())
                        .post("/api/whatsapp/conversations/" + person + "/read", "")
                        .status())
                .as("no tenant reads or takes another's conversation")
                .isEqualTo(404);
    }

    @Test
    void anAgentTakesAndHandsOverAndInboundEventsNameTheAssignee() {
        UUID customer = knownCustomer("יעל");
        String phone = phoneOf(customer);
        inbound(phone, sender, "שלום", "Yael");
        UUID me = UUID.randomUUID();
        var mine = Api.at(port).withToken(TestJwt.token(me, tenant, "agent"));

        var taken = mine.post("/api/whatsapp/conversations/" + phone + "/assign", "");
        assertThat(taken.status()).isEqualTo(200);
        assertThat(taken.<String>json("$.assignedTo")).isEqualTo(me.toString());
        assertThat(mine.get("/api/whatsapp/conversations?filter=mine").<Integer>json("$.total"))
                .isEqualTo(1);
        assertThat(mine.get("/api/whatsapp/conversations?filter=unassigned").<Integer>json("$.total"))
                .isEqualTo(0);
        String again = inbound(phone, sender, "יש עדכון?", "Yael");
        var event = TopicReader.awaitRecord(
                Topics.TELEPHONY_WHATSAPP, r -> r.value().contains(again), Duration.ofSeconds(20));
        assertThat(event.value()).contains("\"assignedTo\":\"" + me + "\"", "\"customerName\":\"יעל\"");

        UUID colleague = UUID.randomUUID();
        var handed =
                mine.post("/api/whatsapp/conversations/" + phone + "/assign", "{\"agentId\":\"" + colleague + "\"}");
        assertThat(handed.<String>json("$.assignedTo")).isEqualTo(colleague.toString());
        assertThat(mine.get("/api/whatsapp/conversations?filter=mine").<Integer>json("$.total"))
                .isEqualTo(0);
        assertThat(mine.get("/api/whatsapp/conversations?filter=everything").status())
                .isEqualTo(400);
        assertThat(mine.post("/api/whatsapp/conversations/not-a-phone/read", "").status())
                .isEqualTo(400);
    }

    private UUID knownCustomer(String name) {
        UUID customer = UUID.randomUUID();
        customerEvent(tenant, customer, "customer.created", name, "+97252" + digits(7));
        awaitCustomer(tenant, customer);
        return customer;
    }

    private String phoneOf(UUID customer) {
        return jdbc.sql("select phone from customer where tenant_id = ? and id = ?")
                .param(tenant)
                .param(customer)
                .query(String.class)
                .single();
    }

    private void registerSender(UUID tenantId, String number) {
        var response = owner(tenantId).post("/api/whatsapp/senders", "{\"address\":\"whatsapp:" + number + "\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    /** The person writes to {@code to}, as Twilio posts it (signed); returns the MessageSid. */
    private String inbound(String from, String to, String body, String profileName) {
        String messageSid = sid("SM");
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", ProviderStubs.ACCOUNT_SID);
        params.put("MessageSid", messageSid);
        params.put("SmsMessageSid", messageSid);
        params.put("From", "whatsapp:" + from);
        params.put("To", "whatsapp:" + to);
        params.put("Body", body);
        params.put("NumMedia", "0");
        params.put("ProfileName", profileName);
        params.put("WaId", from.substring(1));
        params.put("ApiVersion", "2010-04-01");
        var response = webhook("/webhook/whatsapp_incoming", params);
        assertThat(response.status()).isEqualTo(200);
        return messageSid;
    }

    private static Map<String, String> failedStatus(String messageSid, String errorCode) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("AccountSid", ProviderStubs.ACCOUNT_SID);
        p.put("MessageSid", messageSid);
        p.put("SmsSid", messageSid);
        p.put("MessageStatus", "failed");
        p.put("SmsStatus", "failed");
        p.put("ErrorCode", errorCode);
        p.put("ErrorMessage", "Message failed to send because more than 24 hours have passed");
        p.put("ApiVersion", "2010-04-01");
        return p;
    }

    private Map<String, String> lastSent() {
        var all = STUBS.server.findAll(postRequestedFor(urlEqualTo(MESSAGES)));
        return WhatsAppIT.form(all.get(all.size() - 1).getBodyAsString());
    }

    private int sentCount() {
        return STUBS.server.findAll(postRequestedFor(urlEqualTo(MESSAGES))).size();
    }
}
