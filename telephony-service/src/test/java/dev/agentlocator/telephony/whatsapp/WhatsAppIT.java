package dev.agentlocator.telephony.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.platform.events.Topics;
import dev.agentlocator.telephony.LiveProviders;
import dev.agentlocator.telephony.ProviderStubs;
import dev.agentlocator.testkit.ServiceIntegrationTest;
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

/** SPEC C4 against a stub of Twilio's Messages API and Twilio-signed WhatsApp webhooks. */
@ServiceIntegrationTest
class WhatsAppIT extends LiveProviders {

    UUID tenant;
    UUID customer;
    String customerPhone;

    @DynamicPropertySource
    static void crm(DynamicPropertyRegistry registry) {
        registry.add("agentlocator.telephony.crm.base-url", STUBS::url);
    }

    @BeforeEach
    void aTenantAndACustomer() {
        tenant = UUID.randomUUID();
        customer = UUID.randomUUID();
        customerPhone = "+97253" + digits(7);
        customerEvent(tenant, customer, "customer.created", "רונית אברהם", customerPhone);
        awaitCustomer(tenant, customer);
        chooseOpeningTemplate(tenant);
    }

    @Test
    void startSendsFromTheDeviceAndStatusesOnlyMoveForward() {
        String messageSid = sid("SM");
        STUBS.messageCreated(messageSid);

        // Nobody wrote yet, so the window is closed: the opening goes out as the approved template.
        var sent = agent(tenant).post("/api/customers/" + customer + "/whatsapp/start", "");

        assertThat(sent.status()).isEqualTo(201);
        assertThat(sent.<String>json("$.messageSid")).isEqualTo(messageSid);
        assertThat(sent.<String>json("$.status")).isEqualTo("queued");
        assertThat(sent.<Boolean>json("$.sandbox")).isFalse();
        Map<String, String> request = form(STUBS.server
                .findAll(postRequestedFor(
                        urlEqualTo("/2010-04-01/Accounts/" + ProviderStubs.ACCOUNT_SID + "/Messages.json")))
                .get(0)
                .getBodyAsString());
        assertThat(request)
                .containsEntry("To", "whatsapp:" + customerPhone)
                .containsEntry("From", "whatsapp:" + ProviderStubs.WHATSAPP_DEVICE)
                .containsEntry("ContentSid", ProviderStubs.OPENING_TEMPLATE)
                .containsEntry("ContentVariables", "{\"1\":\"רונית אברהם\"}")
                .doesNotContainKey("Body")
                .containsEntry("StatusCallback", "http://127.0.0.1:" + port + "/webhook/whatsapp_status");

        for (String status : List.of("sent", "delivered", "read", "delivered", "sent", "read")) {
            var answer = webhook("/webhook/whatsapp_status", status(messageSid, status));
            assertThat(answer.status()).isEqualTo(200);
        }

        var thread = agent(tenant).get("/api/customers/" + customer + "/whatsapp/messages");
        assertThat(thread.<String>json("$.items[0].status")).isEqualTo("read");
        var events = TopicReader.awaitRecords(
                Topics.TELEPHONY_WHATSAPP, r -> r.value().contains(messageSid), 4, Duration.ofSeconds(20));
        assertThat(events).allMatch(r -> r.key().equals(customer.toString()));
        assertThat(events.get(0).value())
                .contains(
                        "\"type\":\"whatsapp.sent\"",
                        "\"direction\":\"outbound\"",
                        "\"text\":\"שלום רונית אברהם, כאן משרד התיווך. נשמח לעזור, אפשר לענות להודעה הזו.\"",
                        "\"contentSid\":\"" + ProviderStubs.OPENING_TEMPLATE + "\"");
        assertThat(events.subList(1, 4))
                .extracting(r -> r.value().replaceAll(".*\"status\":\"([a-z]+)\".*", "$1"))
                .containsExactly("sent", "delivered", "read");
        assertThat(jdbc.sql("select count(*) from outbox_event where topic = ? and envelope like ?")
                        .param(Topics.TELEPHONY_WHATSAPP)
                        .param("%" + messageSid + "%")
                        .query(Long.class)
                        .single())
                .as("out-of-order and repeated statuses add no events")
                .isEqualTo(4);
    }

    @Test
    void anInboundMessageJoinsTheThreadOfTheTenantThatWroteToTheSender() {
        STUBS.messageCreated(sid("SM"));
        agent(tenant).post("/api/customers/" + customer + "/whatsapp/start", "");
        String inboundSid = sid("SM");
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", ProviderStubs.ACCOUNT_SID);
        params.put("MessageSid", inboundSid);
        params.put("SmsMessageSid", inboundSid);
        params.put("From", "whatsapp:" + customerPhone);
        params.put("To", "whatsapp:" + ProviderStubs.WHATSAPP_DEVICE);
        params.put("Body", "היי, אפשר מחר בעשר?");
        params.put("NumMedia", "0");
        params.put("ProfileName", "Ronit");
        params.put("WaId", customerPhone.substring(1));

        var first = webhook("/webhook/whatsapp_incoming", params);
        var retry = webhook("/webhook/whatsapp_incoming", params);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>");
        assertThat(retry.status()).isEqualTo(200);
        var thread = agent(tenant).get("/api/customers/" + customer + "/whatsapp/messages");
        assertThat(thread.<Integer>json("$.total")).isEqualTo(2);
        assertThat(thread.<String>json("$.items[0].direction")).isEqualTo("inbound");
        assertThat(thread.<String>json("$.items[0].text")).isEqualTo("היי, אפשר מחר בעשר?");
        assertThat(thread.<String>json("$.items[1].text"))
                .isEqualTo("שלום רונית אברהם, כאן משרד התיווך. נשמח לעזור, אפשר לענות להודעה הזו.");
        var received = TopicReader.awaitRecord(
                Topics.TELEPHONY_WHATSAPP,
                r -> r.value().contains(inboundSid) && r.value().contains("whatsapp.received"),
                Duration.ofSeconds(20));
        assertThat(received.key()).isEqualTo(customer.toString());
        assertThat(agent(UUID.randomUUID())
                        .get("/api/customers/" + customer + "/whatsapp/messages")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void twiliosRefusalIsA502InHebrewAndTheMessageIsFailed() {
        STUBS.twilioRefuses("Messages", 400, 21211, "The 'To' number +97253 is not a valid phone number.");

        var refused = agent(tenant).post("/api/customers/" + customer + "/whatsapp/start", "");

        assertThat(refused.status()).isEqualTo(502);
        assertThat(refused.<String>json("$.error")).isEqualTo("whatsapp_failed");
        assertThat(refused.<String>json("$.message"))
                .isEqualTo("המספר אינו מספר WhatsApp תקין. בדקו את מספר הטלפון בכרטיס הלקוח.");
        var thread = agent(tenant).get("/api/customers/" + customer + "/whatsapp/messages");
        assertThat(thread.<String>json("$.items[0].status")).isEqualTo("failed");
        assertThat(thread.<String>json("$.items[0].errorCode")).isEqualTo("http_400_21211");
        assertThat(thread.<String>json("$.items[0].errorMessage"))
                .isEqualTo("המספר אינו מספר WhatsApp תקין. בדקו את מספר הטלפון בכרטיס הלקוח.");
    }

    private static Map<String, String> status(String messageSid, String status) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("AccountSid", ProviderStubs.ACCOUNT_SID);
        p.put("MessageSid", messageSid);
        p.put("SmsSid", messageSid);
        p.put("MessageStatus", status);
        p.put("SmsStatus", status);
        p.put("From", "whatsapp:" + ProviderStubs.WHATSAPP_DEVICE);
        p.put("To", "whatsapp:+972530000000");
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
