package dev.agentlocator.crm.customers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.crm.Accounts;
import dev.agentlocator.platform.events.CallLeadEvent;
import dev.agentlocator.platform.events.EventEnvelope;
import dev.agentlocator.platform.events.Topics;
import dev.agentlocator.testkit.ServiceIntegrationTest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * ADR 0027, crm's half: a call's lead ({@code call.lead_qualified} on the real broker) fills the
 * customer's empty fields, names a new caller's lead, never overwrites what an agent entered, and
 * says on {@code customer.updated} what it filled.
 */
@ServiceIntegrationTest
class CallLeadIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JsonMapper json;

    @Autowired
    CustomerService customers;

    @Test
    void aNewCallersLeadGetsTheirNameBudgetAndTheRestFromTheCall() {
        var owner = Accounts.signUp(port, "עסק");
        UUID tenant = UUID.fromString(owner.tenantId());
        var lead = customers.resolve(tenant, "052-7654321").customer();
        assertThat(lead.name()).isEqualTo("052-765-4321");
        String call = UUID.randomUUID().toString();

        send(tenant, lead.id(), lead(call, "דנה כהן", 250_000_000L, "רמת גן", "3.5"));

        await(() -> "דנה כהן".equals(customer(owner, lead.id()).name()));
        Customer filled = customer(owner, lead.id());
        assertThat(filled.budgetAgorot()).isEqualTo(250_000_000L);
        assertThat(filled.area()).isEqualTo("רמת גן");
        assertThat(filled.rooms()).isEqualByComparingTo("3.5");
        assertThat(filled.dealType()).isEqualTo("buy");
        assertThat(filled.timing()).isEqualTo("בחודשים הקרובים");
        assertThat(filled.leadSummary()).isEqualTo("דנה מחפשת דירה.");
        assertThat(filled.fieldSources())
                .containsEntry("name", "call:" + call)
                .containsEntry("budgetAgorot", "call:" + call);
        var event = updatedEvents(lead.id());
        assertThat(event).hasSize(1);
        assertThat(event.get(0))
                .contains(
                        "\"filledByCall\":\"" + call + "\"", "\"name\":\"דנה כהן\"", "\"budgetAgorot\":\"250000000\"");
    }

    @Test
    void whatAnAgentEnteredIsNeverOverwrittenAndOnlyEmptyFieldsFill() {
        var owner = Accounts.signUp(port, "עסק");
        UUID tenant = UUID.fromString(owner.tenantId());
        var created = owner.api().post("/api/crm/customers", """
                {"name":"משה לוי","phone":"054-1112233","area":"חיפה"}""");
        assertThat(created.status()).isEqualTo(201);
        UUID id = UUID.fromString(created.json("$.id"));

        send(tenant, id, lead(UUID.randomUUID().toString(), "משה", 180_000_000L, "תל אביב", null));

        await(() -> customer(owner, id).budgetAgorot() != null);
        Customer after = customer(owner, id);
        assertThat(after.name()).isEqualTo("משה לוי");
        assertThat(after.area()).isEqualTo("חיפה");
        assertThat(after.budgetAgorot()).isEqualTo(180_000_000L);
        assertThat(after.fieldSources()).containsEntry("name", "agent").containsEntry("area", "agent");

        // the agent corrects the budget; a later call's different figure does not undo it
        assertThat(owner.api()
                        .patch("/api/crm/customers/" + id, "{\"budgetAgorot\":200000000}")
                        .status())
                .isEqualTo(200);
        String laterCall = UUID.randomUUID().toString();
        send(tenant, id, lead(laterCall, "משה כהן", 90_000_000L, "חולון", "4"));
        await(() -> customer(owner, id).rooms() != null);
        Customer later = customer(owner, id);
        assertThat(later.budgetAgorot()).isEqualTo(200_000_000L);
        assertThat(later.name()).isEqualTo("משה לוי");
        assertThat(later.rooms()).isEqualByComparingTo("4");
    }

    @Test
    void aRedeliveredLeadChangesNothingTwice() {
        var owner = Accounts.signUp(port, "עסק");
        UUID tenant = UUID.fromString(owner.tenantId());
        var lead = customers.resolve(tenant, "053-9998877").customer();
        var event = envelope(tenant, lead.id(), lead(UUID.randomUUID().toString(), "רות", null, null, null));

        kafka.send(Topics.TELEPHONY_CALL, lead.id().toString(), json.writeValueAsString(event));
        kafka.send(Topics.TELEPHONY_CALL, lead.id().toString(), json.writeValueAsString(event));

        await(() -> "רות".equals(customer(owner, lead.id()).name()));
        sleepQuietly(1500);
        assertThat(updatedEvents(lead.id())).hasSize(1);
    }

    private static CallLeadEvent.Payload lead(String callId, String name, Long budget, String area, String rooms) {
        return new CallLeadEvent.Payload(
                callId,
                "CA" + UUID.randomUUID().toString().replace("-", ""),
                "+972527654321",
                name,
                "buy",
                area,
                rooms,
                budget,
                "בחודשים הקרובים",
                "דנה מחפשת דירה.",
                true,
                Map.of("name", 1),
                null,
                1);
    }

    private void send(UUID tenant, UUID customer, CallLeadEvent.Payload payload) {
        kafka.send(
                Topics.TELEPHONY_CALL,
                customer.toString(),
                json.writeValueAsString(envelope(tenant, customer, payload)));
    }

    private static EventEnvelope envelope(UUID tenant, UUID customer, CallLeadEvent.Payload payload) {
        return EventEnvelope.of(
                CallLeadEvent.QUALIFIED,
                tenant,
                customer,
                OffsetDateTime.now(),
                UUID.randomUUID().toString(),
                payload);
    }

    private Customer customer(Accounts.Account owner, UUID id) {
        return customers.get(UUID.fromString(owner.tenantId()), id);
    }

    private java.util.List<String> updatedEvents(UUID customer) {
        return jdbc.sql("select envelope from outbox_event where event_type = 'customer.updated' and event_key = ?"
                        + " and envelope like '%filledFromCall%' order by seq")
                .param(customer.toString())
                .query(String.class)
                .list();
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 20 s");
            }
            sleepQuietly(100);
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
