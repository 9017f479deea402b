package dev.agentlocator.tasks.callbacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.agentlocator.platform.events.CallLeadEvent;
import dev.agentlocator.platform.events.EventEnvelope;
import dev.agentlocator.platform.events.Topics;
import dev.agentlocator.tasks.Agent;
import dev.agentlocator.tasks.Colleagues;
import dev.agentlocator.testkit.ServiceIntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * ADR 0027, tasks' half: the lead a call sends when it ends becomes one call-back task (promised,
 * or missed when nobody was answered) for the customer's owner, else the on-duty agent, else the
 * owner, due after the tenant's response time in business hours. The clock is Thursday 17:50 in
 * Israel, ten minutes before closing.
 */
@ServiceIntegrationTest
class CallbacksIT {

    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-06-11T17:50:00+03:00");

    @TestConfiguration
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(NOW.toInstant(), ZoneOffset.UTC);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPromisedCallBackGoesToTheCustomersOwnerOncePerCallDueInBusinessTime() throws Exception {
        var owner = Agent.ownerOfNewTenant(port);
        var agent = Agent.in(port, owner.tenantId(), "agent");
        colleagues().announce(owner, true);
        colleagues().announce(agent, true);
        UUID customer = UUID.randomUUID();
        publishCustomer(owner.tenantId(), customer, agent.userId());
        String call = UUID.randomUUID().toString();
        var lead = lead(owner.tenantId(), customer, call, true, "דנה כהן");

        send(lead);
        send(lead);
        send(lead(owner.tenantId(), customer, call, true, "דנה כהן"));

        await().atMost(Duration.ofSeconds(20)).until(() -> tasksOfCall(call) == 1);
        Thread.sleep(1000);
        assertThat(tasksOfCall(call))
                .as("one task per call, however it is delivered")
                .isEqualTo(1);
        var list = agent.api().get("/api/tasks?assigneeId=" + agent.userId());
        assertThat(list.<Integer>json("$.total")).isEqualTo(1);
        assertThat(list.<String>json("$.items[0].title")).isEqualTo("לחזור אל דנה כהן (הובטח בשיחה)");
        assertThat(list.<String>json("$.items[0].channel")).isEqualTo("call");
        assertThat(list.<String>json("$.items[0].callId")).isEqualTo(call);
        assertThat(list.<String>json("$.items[0].customerId")).isEqualTo(customer.toString());
        assertThat(list.<String>json("$.items[0].notes")).isEqualTo("דנה מחפשת דירה.");
        // ten minutes left on Thursday, five after Friday's opening
        assertThat(OffsetDateTime.parse(list.<String>json("$.items[0].dueAt")).toInstant())
                .isEqualTo(OffsetDateTime.parse("2026-06-12T09:05:00+03:00").toInstant());
    }

    @Test
    void aMissedCallWithoutAnOwnerGoesToTheOnDutyAgentElseTheOwnerWithinTheirResponseTime() {
        var owner = Agent.ownerOfNewTenant(port);
        var onDuty = Agent.in(port, owner.tenantId(), "agent");
        colleagues().announce(owner, true);
        colleagues().announce(onDuty, true);

        String first = UUID.randomUUID().toString();
        send(lead(owner.tenantId(), null, first, false, null));
        await().atMost(Duration.ofSeconds(20)).until(() -> tasksOfCall(first) == 1);
        assertThat(assigneeOfCall(first)).isEqualTo(owner.userId());

        var saved = owner.api().put("/api/tasks/settings", """
                {"responseMinutes":5,"onDutyUserId":"%s",
                 "businessHours":{"sunday":{"open":"08:00","close":"20:00"},"thursday":{"open":"08:00","close":"20:00"}}}
                """.formatted(onDuty.userId()));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.<Integer>json("$.responseMinutes")).isEqualTo(5);
        assertThat(saved.<String>json("$.businessHours.friday")).isNull();
        String second = UUID.randomUUID().toString();
        send(lead(owner.tenantId(), null, second, false, null));
        await().atMost(Duration.ofSeconds(20)).until(() -> tasksOfCall(second) == 1);
        assertThat(assigneeOfCall(second)).isEqualTo(onDuty.userId());
        var task = onDuty.api().get("/api/tasks?assigneeId=" + onDuty.userId());
        assertThat(task.<String>json("$.items[0].title")).isEqualTo("שיחה שלא נענתה מ־+972527654321: לחזור");
        assertThat(OffsetDateTime.parse(task.<String>json("$.items[0].dueAt")).toInstant())
                .isEqualTo(NOW.plusMinutes(5).toInstant());
    }

    @Test
    void onlyTheOwnerSeesAndEditsTheSettingsAndBadInputIsAJson400() {
        var owner = Agent.ownerOfNewTenant(port);
        var agent = Agent.in(port, owner.tenantId(), "agent");
        var stranger = Agent.ownerOfNewTenant(port);
        colleagues().announce(owner, true);

        var defaults = owner.api().get("/api/tasks/settings");
        assertThat(defaults.status()).isEqualTo(200);
        assertThat(defaults.<Integer>json("$.responseMinutes")).isEqualTo(15);
        assertThat(defaults.<String>json("$.businessHours.friday.close")).isEqualTo("13:00");
        assertThat(defaults.<String>json("$.businessHours.saturday")).isNull();
        assertThat(defaults.<String>json("$.timeZone")).isEqualTo("Asia/Jerusalem");
        assertThat(agent.api().get("/api/tasks/settings").status()).isEqualTo(403);
        assertThat(agent.api()
                        .put("/api/tasks/settings", "{\"responseMinutes\":5,\"businessHours\":{}}")
                        .status())
                .isEqualTo(403);

        for (String bad : List.of(
                "{\"responseMinutes\":0,\"businessHours\":{}}",
                "{\"responseMinutes\":5}",
                "{\"responseMinutes\":5,\"businessHours\":{\"funday\":{\"open\":\"09:00\",\"close\":\"10:00\"}}}",
                "{\"responseMinutes\":5,\"businessHours\":{\"sunday\":{\"open\":\"25:00\",\"close\":\"10:00\"}}}",
                "{\"responseMinutes\":5,\"businessHours\":{\"sunday\":{\"open\":\"12:00\",\"close\":\"10:00\"}}}",
                "{\"responseMinutes\":5,\"onDutyUserId\":\"" + stranger.userId() + "\",\"businessHours\":{}}",
                "{\"responseMinutes\":\"many\",\"businessHours\":{}}",
                "[]")) {
            var response = owner.api().put("/api/tasks/settings", bad);
            assertThat(response.status()).as(bad).isEqualTo(400);
            assertThat(response.isJson()).isTrue();
        }
        assertThat(owner.api().get("/api/tasks/settings").<Integer>json("$.responseMinutes"))
                .as("nothing half-written")
                .isEqualTo(15);
        owner.api().put("/api/tasks/settings", "{\"responseMinutes\":30,\"businessHours\":{}}");
        assertThat(stranger.api().get("/api/tasks/settings").<Integer>json("$.responseMinutes"))
                .as("another tenant's settings are its own")
                .isEqualTo(15);
    }

    private Colleagues colleagues() {
        return new Colleagues(kafka, json, jdbc);
    }

    private static EventEnvelope lead(UUID tenant, UUID customer, String callId, boolean promised, String name) {
        return EventEnvelope.of(
                CallLeadEvent.QUALIFIED,
                tenant,
                customer,
                NOW,
                "test",
                new CallLeadEvent.Payload(
                        callId,
                        "CA" + callId.replace("-", ""),
                        "+972527654321",
                        name,
                        promised ? "buy" : null,
                        null,
                        null,
                        null,
                        null,
                        promised ? "דנה מחפשת דירה." : null,
                        promised ? true : null,
                        Map.of(),
                        true,
                        promised ? 2 : 0));
    }

    private void send(EventEnvelope event) {
        try {
            kafka.send(
                            Topics.TELEPHONY_CALL,
                            event.customerId() != null
                                    ? event.customerId().toString()
                                    : event.tenantId().toString(),
                            json.writeValueAsString(event))
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void publishCustomer(UUID tenant, UUID customer, UUID ownerId) throws Exception {
        var event = EventEnvelope.create(
                "customer.created",
                tenant,
                customer,
                "test",
                Map.of("name", "דנה כהן", "phone", "+972527654321", "ownerId", ownerId.toString()));
        kafka.send(Topics.CRM_CUSTOMER, customer.toString(), json.writeValueAsString(event))
                .get();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("select count(*) from customer where id = ? and owner_id = ?")
                                .param(customer)
                                .param(ownerId)
                                .query(Long.class)
                                .single()
                        == 1);
    }

    private long tasksOfCall(String callId) {
        return jdbc.sql("select count(*) from task where call_id = ?")
                .param(callId)
                .query(Long.class)
                .single();
    }

    private UUID assigneeOfCall(String callId) {
        return jdbc.sql("select assignee_id from task where call_id = ?")
                .param(callId)
                .query(UUID.class)
                .single();
    }
}
