package dev.agentlocator.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.platform.events.EventEnvelope;
import dev.agentlocator.platform.events.Topics;
import dev.agentlocator.testkit.Api;
import dev.agentlocator.testkit.ServiceContract;
import dev.agentlocator.testkit.ServiceIntegrationTest;
import dev.agentlocator.testkit.TestJwt;
import dev.agentlocator.testkit.TopicReader;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service as the local stack runs it: no Twilio, OpenAI or Google credentials. It boots, keeps
 * the suite's contract, sends nothing, stores what would have been sent marked {@code sandbox},
 * says so, and refuses every webhook (nothing can verify a signature without the auth token).
 */
@ServiceIntegrationTest
class TelephonyServiceIT implements ServiceContract {

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Override
    public int port() {
        return port;
    }

    @Test
    void withoutCredentialsCallsAndMessagesAreStoredAsSandboxAndTheApiSaysSo() {
        UUID tenant = UUID.randomUUID();
        UUID customer = UUID.randomUUID();
        var event = new EventEnvelope(
                UUID.randomUUID(),
                "customer.created",
                1,
                tenant,
                customer,
                OffsetDateTime.now(),
                "test",
                Map.of("name", "יעל", "phone", "+972521234567", "status", "new", "source", "manual"));
        kafka.send(Topics.CRM_CUSTOMER, customer.toString(), json.writeValueAsString(event))
                .join();
        var agent = Api.at(port).withToken(TestJwt.token(UUID.randomUUID(), tenant, "agent"));
        awaitCustomer(tenant, customer);

        var settings = agent.get("/api/calls/settings");
        assertThat(settings.<Boolean>json("$.sandbox")).isTrue();
        assertThat(settings.<Map<String, Boolean>>json("$.providers"))
                .containsEntry("twilio", false)
                .containsEntry("openai", false)
                .containsEntry("googleTts", false);

        var call = agent.post("/api/customers/" + customer + "/call/start", "{\"agentPhone\":\"0501112222\"}");
        assertThat(call.status()).isEqualTo(201);
        assertThat(call.<Boolean>json("$.sandbox")).isTrue();
        assertThat(call.<String>json("$.status")).isEqualTo("sandbox");
        assertThat(call.<String>json("$.callSid")).isNull();

        var message = agent.post("/api/customers/" + customer + "/whatsapp/start", "{}");
        assertThat(message.status()).isEqualTo(201);
        assertThat(message.<Boolean>json("$.sandbox")).isTrue();
        assertThat(message.<String>json("$.status")).isEqualTo("sandbox");
        // nobody wrote yet: the sandbox's opening template, filled with the customer's name (ADR 0029)
        assertThat(message.<String>json("$.text")).isEqualTo("שלום יעל, כאן המשרד. נשמח לעזור, אפשר לענות להודעה הזו.");

        var callEvent = TopicReader.awaitRecord(
                Topics.TELEPHONY_CALL, r -> r.value().contains(call.<String>json("$.id")), Duration.ofSeconds(20));
        assertThat(callEvent.value()).contains("\"type\":\"call.received\"", "\"sandbox\":true");
        var messageEvent = TopicReader.awaitRecord(
                Topics.TELEPHONY_WHATSAPP,
                r -> r.value().contains(message.<String>json("$.id")),
                Duration.ofSeconds(20));
        assertThat(messageEvent.value()).contains("\"type\":\"whatsapp.sent\"", "\"sandbox\":true");
        assertThat(jdbc.sql("select count(*) from outbox_event where event_type = 'call.completed'")
                        .query(Long.class)
                        .single())
                .as("a call never placed is never counted as completed")
                .isZero();
    }

    @Test
    void withoutTheAuthTokenEveryWebhookIsRefused() {
        var response = Api.at(port)
                .withHeader("X-Twilio-Signature", "c29tZXRoaW5n")
                .send(
                        "POST",
                        "/webhook/incoming_call",
                        "CallSid=CA1&From=%2B972521234567&To=%2B97231234567",
                        "application/x-www-form-urlencoded");
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.<String>json("$.error")).isEqualTo("invalid_signature");
        assertThat(jdbc.sql("select count(*) from call_log").query(Long.class).single())
                .isZero();
    }

    private void awaitCustomer(UUID tenant, UUID customer) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (jdbc.sql("select count(*) from customer where tenant_id = ? and id = ?")
                            .param(tenant)
                            .param(customer)
                            .query(Long.class)
                            .single()
                    > 0) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("customer never arrived");
    }
}
