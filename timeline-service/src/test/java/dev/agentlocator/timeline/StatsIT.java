package dev.agentlocator.timeline;

import static dev.agentlocator.timeline.Events.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.agentlocator.platform.events.EventEnvelope;
import dev.agentlocator.testkit.Api;
import dev.agentlocator.testkit.ServiceIntegrationTest;
import dev.agentlocator.testkit.TestJwt;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

@ServiceIntegrationTest
class StatsIT {

    private static final OffsetDateTime MARCH_10 = OffsetDateTime.parse("2026-03-10T10:00:00+02:00");
    private static final OffsetDateTime MARCH_11 = OffsetDateTime.parse("2026-03-11T10:00:00+02:00");
    private static final String RANGE = "?from=2026-03-01&to=2026-03-31";

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JsonMapper json;

    Events events;
    UUID tenant;
    Api api;

    @BeforeEach
    void setUp() {
        events = new Events(kafka, json);
        tenant = UUID.randomUUID();
        api = Api.at(port).withToken(TestJwt.token(UUID.randomUUID(), tenant, "owner"));
    }

    @Test
    void theSummaryCountsCallsLeadsTasksSignaturesAndInvoicesFromEvents() {
        List<EventEnvelope> batch = new ArrayList<>();
        UUID dana = UUID.randomUUID();
        UUID ron = UUID.randomUUID();
        batch.add(event("customer.created", tenant, dana, MARCH_10, Map.of("name", "דנה", "source", "call")));
        batch.add(event("customer.created", tenant, ron, MARCH_10, Map.of("name", "רון", "source", "whatsapp")));
        batch.add(
                event("customer.created", tenant, UUID.randomUUID(), MARCH_10, Map.of("name", "גל", "source", "call")));
        batch.add(call(dana, MARCH_10, Map.of("direction", "inbound", "status", "completed", "answeredBy", "ai")));
        // 01:30 local on March 11, though still March 10 in UTC: counted on the business's day.
        batch.add(call(
                dana,
                OffsetDateTime.parse("2026-03-10T23:30:00Z"),
                Map.of("direction", "inbound", "status", "completed", "answeredBy", "ai")));
        batch.add(call(ron, MARCH_10, Map.of("direction", "inbound", "status", "no-answer")));
        batch.add(call(ron, MARCH_10, Map.of("direction", "inbound", "status", "completed", "answeredBy", "agent")));
        batch.add(call(ron, MARCH_10, Map.of("direction", "outbound-api", "status", "completed")));
        String overdue = UUID.randomUUID().toString();
        String later = UUID.randomUUID().toString();
        String finished = UUID.randomUUID().toString();
        batch.add(task("task.created", dana, overdue, "2020-01-01T09:00:00+02:00", "open"));
        batch.add(task("task.created", dana, later, "2099-01-01T09:00:00+02:00", "open"));
        batch.add(task("task.created", ron, finished, "2020-01-01T09:00:00+02:00", "open"));
        batch.add(event(
                "task.completed",
                tenant,
                ron,
                MARCH_10.plusHours(1),
                Map.of("taskId", finished, "status", "done", "dueAt", "2020-01-01T09:00:00+02:00")));
        batch.add(event("contract.signed", tenant, dana, MARCH_10, Map.of("contractId", "c1", "totalAgorot", 500000)));
        batch.add(event(
                "invoice.issued",
                tenant,
                dana,
                MARCH_10,
                Map.of("invoiceId", "i1", "number", "1", "totalAgorot", 118000, "vatAgorot", 18000)));
        // An invoice without a customer is on no timeline but still in the figures.
        batch.add(event(
                "invoice.issued",
                tenant,
                null,
                MARCH_10,
                Map.of("invoiceId", "i2", "number", "2", "totalAgorot", 59000, "vatAgorot", 9000)));
        batch.add(event(
                "invoice.paid",
                tenant,
                dana,
                MARCH_10.plusHours(2),
                Map.of("invoiceId", "i1", "totalAgorot", 118000, "vatAgorot", 18000)));
        EventEnvelope last = batch.get(batch.size() - 1);
        events.sendAll(batch);
        // The same events again, as a relay would after a crash: nothing may be counted twice.
        events.sendAll(batch);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/api/stats/summary" + RANGE).<Integer>json("$.invoices.paid") == 1);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/api/stats/summary" + RANGE).<Integer>json("$.tasks.completed") == 1);
        // Each topic (and partition) is consumed on its own: wait until every figure has arrived; the
        // exact counts below then show that nothing was counted twice.
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var figures = api.get("/api/stats/summary" + RANGE);
            return figures.<Integer>json("$.calls.answeredByAi") >= 2
                    && figures.<Integer>json("$.calls.answeredByAgent") >= 1
                    && figures.<Integer>json("$.calls.missed") >= 1
                    && figures.<Integer>json("$.calls.outbound") >= 1
                    && figures.<Integer>json("$.leads.total") >= 3
                    && figures.<Integer>json("$.contracts.signed") >= 1;
        });
        assertThat(last.type()).isEqualTo("invoice.paid");
        var summary = api.get("/api/stats/summary" + RANGE);

        assertThat(summary.status()).isEqualTo(200);
        assertThat(summary.<Integer>json("$.calls.answeredByAi")).isEqualTo(2);
        assertThat(summary.<Integer>json("$.calls.answeredByAgent")).isEqualTo(1);
        assertThat(summary.<Integer>json("$.calls.missed")).isEqualTo(1);
        assertThat(summary.<Integer>json("$.calls.outbound")).isEqualTo(1);
        assertThat(summary.<Integer>json("$.leads.total")).isEqualTo(3);
        assertThat(summary.<Integer>json("$.leads.bySource.call")).isEqualTo(2);
        assertThat(summary.<Integer>json("$.leads.bySource.whatsapp")).isEqualTo(1);
        assertThat(summary.<Integer>json("$.tasks.created")).isEqualTo(3);
        assertThat(summary.<Integer>json("$.tasks.open")).isEqualTo(2);
        assertThat(summary.<Integer>json("$.tasks.overdue")).isEqualTo(1);
        assertThat(summary.<Integer>json("$.contracts.signed")).isEqualTo(1);
        assertThat(summary.<Integer>json("$.invoices.issued")).isEqualTo(2);
        assertThat(summary.<Integer>json("$.invoices.issuedAgorot")).isEqualTo(177000);
        assertThat(summary.<Integer>json("$.invoices.issuedVatAgorot")).isEqualTo(27000);
        assertThat(summary.<Integer>json("$.invoices.paidAgorot")).isEqualTo(118000);
        assertThat(summary.<String>json("$.currency")).isEqualTo("ILS");

        var calls = api.get("/api/stats/calls-per-day?from=2026-03-10&to=2026-03-11");
        assertThat(calls.<List<String>>json("$.days[*].date")).containsExactly("2026-03-10", "2026-03-11");
        assertThat(calls.<List<Integer>>json("$.days[*].answeredByAi")).containsExactly(1, 1);
        assertThat(calls.<List<Integer>>json("$.days[*].missed")).containsExactly(1, 0);

        var leads = api.get("/api/stats/leads-by-source" + RANGE);
        assertThat(leads.<List<String>>json("$.sources[*].source")).containsExactly("call", "whatsapp");

        var invoices = api.get("/api/stats/invoices?from=2026-03-10&to=2026-03-10");
        assertThat(invoices.<Integer>json("$.days[0].issued")).isEqualTo(2);
        assertThat(invoices.<Integer>json("$.days[0].paidVatAgorot")).isEqualTo(18000);

        var otherTenant = Api.at(port).withToken(TestJwt.token(UUID.randomUUID(), UUID.randomUUID(), "owner"));
        assertThat(otherTenant.get("/api/stats/summary" + RANGE).<Integer>json("$.calls.answeredByAi"))
                .isZero();
    }

    /**
     * Issue 20's figures: 31,093.00 ₪ issued before; a 14,803.87 ₪ invoice and the credit note that
     * cancels it leave it at 31,093.00 (it was 60,700.74: the note counted as more revenue).
     * Receipts are money in, not revenue; a tax invoice-receipt is both.
     */
    @Test
    void aCreditNoteLowersRevenueAndReceiptsArePaymentsNotRevenue() {
        UUID dana = UUID.randomUUID();
        List<EventEnvelope> batch = new ArrayList<>();
        batch.add(event(
                "invoice.issued",
                tenant,
                dana,
                MARCH_10,
                Map.of(
                        "invoiceId",
                        "i1",
                        "number",
                        1,
                        "type",
                        "tax_invoice",
                        "totalAgorot",
                        3_109_300,
                        "vatAgorot",
                        474_300)));
        batch.add(event(
                "invoice.issued",
                tenant,
                dana,
                MARCH_10,
                Map.of(
                        "invoiceId",
                        "i2",
                        "number",
                        2,
                        "type",
                        "tax_invoice",
                        "totalAgorot",
                        1_480_387,
                        "vatAgorot",
                        225_821)));
        batch.add(event(
                "invoice.issued",
                tenant,
                dana,
                MARCH_10.plusHours(1),
                Map.of(
                        "invoiceId",
                        "c1",
                        "number",
                        1,
                        "type",
                        "credit_note",
                        "creditOf",
                        "i2",
                        "totalAgorot",
                        1_480_387,
                        "vatAgorot",
                        225_821)));
        batch.add(event(
                "receipt.issued",
                tenant,
                dana,
                MARCH_10.plusHours(2),
                Map.of(
                        "invoiceId",
                        "r1",
                        "number",
                        1,
                        "type",
                        "receipt",
                        "totalAgorot",
                        1_000_000,
                        "vatAgorot",
                        0,
                        "settlements",
                        Map.of("i1", 1_000_000),
                        "payments",
                        Map.of("cheque", 1_000_000))));
        batch.add(event(
                "invoice.issued",
                tenant,
                dana,
                MARCH_11.plusHours(1),
                Map.of(
                        "invoiceId",
                        "t1",
                        "number",
                        1,
                        "type",
                        "tax_invoice_receipt",
                        "status",
                        "paid",
                        "totalAgorot",
                        118_000,
                        "vatAgorot",
                        18_000)));
        events.sendAll(batch);
        events.sendAll(batch);

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var figures = api.get("/api/stats/summary" + RANGE);
            return figures.<Integer>json("$.invoices.credited") == 1
                    && figures.<Integer>json("$.invoices.received") == 2
                    && figures.<Integer>json("$.invoices.issued") == 3;
        });
        var summary = api.get("/api/stats/summary" + RANGE);
        assertThat(summary.<Integer>json("$.invoices.issuedAgorot"))
                .as("the credit note cancels its invoice's revenue; the receipt adds none")
                .isEqualTo(3_109_300 + 118_000);
        assertThat(summary.<Integer>json("$.invoices.issuedVatAgorot")).isEqualTo(474_300 + 18_000);
        assertThat(summary.<Integer>json("$.invoices.creditedAgorot")).isEqualTo(1_480_387);
        assertThat(summary.<Integer>json("$.invoices.receivedAgorot")).isEqualTo(1_000_000 + 118_000);
        assertThat(summary.<Integer>json("$.invoices.paid")).isZero();

        var days = api.get("/api/stats/invoices?from=2026-03-10&to=2026-03-11");
        assertThat(days.<List<Integer>>json("$.days[*].issuedAgorot")).containsExactly(3_109_300, 118_000);
        assertThat(days.<List<Integer>>json("$.days[*].credited")).containsExactly(1, 0);
        assertThat(days.<List<Integer>>json("$.days[*].receivedAgorot")).containsExactly(1_000_000, 118_000);
    }

    @Test
    void badDateRangesAreRefusedWithJsonErrors() {
        assertError("/api/stats/summary?from=2026-02-30", "invalid_date");
        assertError("/api/stats/summary?from=yesterday", "invalid_date");
        assertError("/api/stats/calls-per-day?from=2026-03-02&to=2026-03-01", "invalid_range");
        assertError("/api/stats/invoices?from=2025-01-01&to=2026-03-01", "range_too_long");
    }

    @Test
    void withoutDatesTheSummaryIsForThisMonth() {
        var summary = api.get("/api/stats/summary");

        assertThat(summary.status()).isEqualTo(200);
        assertThat(summary.<String>json("$.from")).endsWith("-01");
    }

    private void assertError(String path, String code) {
        var response = api.get(path);
        assertThat(response.status()).as(path).isEqualTo(400);
        assertThat(response.<String>json("$.error")).as(path).isEqualTo(code);
        assertThat(response.<String>json("$.message")).as(path).matches(".*[א-ת].*");
    }

    private EventEnvelope call(UUID customer, OffsetDateTime at, Map<String, Object> payload) {
        var withSid = new java.util.HashMap<String, Object>(payload);
        withSid.put("callSid", "CA" + UUID.randomUUID());
        return event("call.completed", tenant, customer, at, withSid);
    }

    private EventEnvelope task(String type, UUID customer, String taskId, String dueAt, String status) {
        return event(
                type,
                tenant,
                customer,
                MARCH_10,
                Map.of("taskId", taskId, "title", "משימה", "dueAt", dueAt, "status", status));
    }
}
