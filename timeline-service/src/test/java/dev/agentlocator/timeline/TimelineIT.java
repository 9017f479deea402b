package dev.agentlocator.timeline;

import static dev.agentlocator.timeline.Events.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.agentlocator.platform.events.EventEnvelope;
import dev.agentlocator.testkit.Api;
import dev.agentlocator.testkit.ServiceIntegrationTest;
import dev.agentlocator.testkit.TestJwt;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

@ServiceIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class TimelineIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-03-10T09:00:00+02:00");

    /** One customer with 600 events, produced once for the paging tests. */
    private static UUID manyTenant;

    private static UUID manyCustomer;
    private static final int MANY = 600;

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    Events events;
    UUID tenant;
    UUID customer;
    Api api;

    @BeforeEach
    void setUp() {
        events = new Events(kafka, json);
        tenant = UUID.randomUUID();
        customer = UUID.randomUUID();
        api = Api.at(port).withToken(TestJwt.token(UUID.randomUUID(), tenant, "agent"));
    }

    @Test
    void eventsOfSixKindsForOneCustomerAppearNewestFirst() {
        events.send(event(
                "customer.created",
                tenant,
                customer,
                T0,
                Map.of("name", "דנה כהן", "phone", "+972501234567", "status", "new", "source", "call")));
        events.send(event(
                "call.completed",
                tenant,
                customer,
                T0.plusMinutes(1),
                Map.of(
                        "callSid",
                        "CA1",
                        "direction",
                        "inbound",
                        "status",
                        "completed",
                        "durationSeconds",
                        42,
                        "answeredBy",
                        "ai")));
        events.send(event(
                "whatsapp.sent",
                tenant,
                customer,
                T0.plusMinutes(2),
                Map.of("messageSid", "SM1", "direction", "outbound", "status", "queued", "text", "שלום דנה")));
        String taskId = UUID.randomUUID().toString();
        events.send(event(
                "task.created",
                tenant,
                customer,
                T0.plusMinutes(3),
                Map.of("taskId", taskId, "title", "לחזור ללקוחה", "dueAt", "2026-03-11T09:00:00+02:00")));
        events.send(event(
                "contract.signed",
                tenant,
                customer,
                T0.plusMinutes(4),
                Map.of("contractId", "c-1", "title", "הסכם תיווך", "status", "signed", "totalAgorot", 500000)));
        events.send(event(
                "invoice.issued",
                tenant,
                customer,
                T0.plusMinutes(5),
                Map.of(
                        "invoiceId",
                        "i-1",
                        "number",
                        "1024",
                        "type",
                        "tax_invoice",
                        "status",
                        "issued",
                        "totalAgorot",
                        118000,
                        "vatAgorot",
                        18000)));

        var page = awaitItems(customer, 6);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.<List<String>>json("$.items[*].kind"))
                .containsExactly("invoice", "signature", "task", "whatsapp", "call", "customer");
        assertThat(page.<List<String>>json("$.items[*].title"))
                .containsExactly(
                        "חשבונית מס 1024 הונפקה",
                        "החוזה נחתם",
                        "משימה נוצרה: לחזור ללקוחה",
                        "הודעת WhatsApp נשלחה",
                        "שיחה נכנסת נענתה ע״י המזכירה",
                        "לקוח חדש נוסף: דנה כהן");
        assertThat(page.<String>json("$.items[4].link")).isEqualTo("/customers/" + customer + "?tab=calls&call=CA1");
        assertThat(page.<Integer>json("$.items[4].details.durationSeconds")).isEqualTo(42);
        assertThat(page.<String>json("$.items[2].link")).isEqualTo("/tasks/" + taskId);
        assertThat(page.<Integer>json("$.items[0].details.amountAgorot")).isEqualTo(118000);
        assertThat(page.<String>json("$.items[0].type")).isEqualTo("invoice.issued");
        assertThat(page.<String>json("$.items[0].occurredAt")).isEqualTo("2026-03-10T07:05:00Z");
        assertThat(page.<Object>json("$.nextCursor")).isNull();

        var calls = api.get(timeline(customer) + "?kinds=call,whatsapp");
        assertThat(calls.<List<String>>json("$.items[*].kind")).containsExactly("whatsapp", "call");
    }

    @Test
    void theSameEventDeliveredTwiceAppearsOnce() {
        var twice = event("call.received", tenant, customer, T0, Map.of("callSid", "CA2", "direction", "inbound"));
        events.send(twice);
        events.send(twice);
        events.send(event("call.completed", tenant, customer, T0.plusMinutes(1), Map.of("callSid", "CA2")));

        var page = awaitItems(customer, 2);

        assertThat(page.<List<String>>json("$.items[*].id"))
                .containsExactly(page.<String>json("$.items[0].id"), twice.id().toString());
        assertThat(rows(customer)).isEqualTo(2);
    }

    @Test
    void anotherTenantsCustomerIsNotFound() {
        events.send(event("customer.created", tenant, customer, T0, Map.of("name", "רון")));
        awaitItems(customer, 1);

        var stranger = Api.at(port).withToken(TestJwt.token(UUID.randomUUID(), UUID.randomUUID(), "owner"));
        var response = stranger.get(timeline(customer));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.<String>json("$.error")).isEqualTo("not_found");
        assertThat(response.<String>json("$.message")).isNotBlank();
        assertThat(api.get(timeline(UUID.randomUUID())).status()).isEqualTo(404);
    }

    @Test
    void aServiceTokenOfTheTenantReadsNoTimelineAndNoStatistics() {
        events.send(event("customer.created", tenant, customer, T0, Map.of("name", "רון")));
        awaitItems(customer, 1);

        // ADR 0004: a service token is for /internal/** only, never for what a user reads
        var service = Api.at(port).withToken(TestJwt.token(UUID.randomUUID(), tenant, "service"));
        for (var response : List.of(service.get(timeline(customer)), service.get("/api/stats/summary"))) {
            assertThat(response.status()).as(response.body()).isEqualTo(403);
            assertThat(response.<String>json("$.error")).isEqualTo("forbidden");
        }
    }

    @Test
    void aLimitAboveFiveHundredIsCappedAtFiveHundred() {
        manyEvents();
        var api = Api.at(port).withToken(TestJwt.token(UUID.randomUUID(), manyTenant, "agent"));

        var page = api.get(timeline(manyCustomer) + "?limit=1000");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.<List<Object>>json("$.items")).hasSize(500);
        assertThat(page.<Integer>json("$.limit")).isEqualTo(500);
        assertThat(page.<String>json("$.nextCursor")).isNotBlank();
    }

    @Test
    void cursorPagingReturnsEveryEventExactlyOnceNewestFirst() {
        manyEvents();
        var api = Api.at(port).withToken(TestJwt.token(UUID.randomUUID(), manyTenant, "agent"));
        List<String> ids = new ArrayList<>();
        List<String> times = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var page = api.get(timeline(manyCustomer) + "?limit=70"
                    + (cursor == null ? "" : "&before=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
            assertThat(page.status()).isEqualTo(200);
            ids.addAll(page.<List<String>>json("$.items[*].id"));
            times.addAll(page.<List<String>>json("$.items[*].occurredAt"));
            cursor = page.json("$.nextCursor");
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(9);
        assertThat(ids).hasSize(MANY);
        assertThat(new HashSet<>(ids)).hasSize(MANY);
        assertThat(times).isSortedAccordingTo((a, b) -> OffsetDateTime.parse(b).compareTo(OffsetDateTime.parse(a)));
    }

    @Test
    void badRequestsGetJsonErrorsWithHebrewMessages() {
        events.send(event("customer.created", tenant, customer, T0, Map.of("name", "רון")));
        awaitItems(customer, 1);

        var badCursor = api.get(timeline(customer) + "?before=not-a-cursor");
        assertThat(badCursor.status()).isEqualTo(400);
        assertThat(badCursor.<String>json("$.error")).isEqualTo("invalid_cursor");
        assertThat(badCursor.<String>json("$.message")).matches(".*[א-ת].*");

        for (String limit : List.of("0", "-1", "many")) {
            var response = api.get(timeline(customer) + "?limit=" + limit);
            assertThat(response.status()).as(limit).isEqualTo(400);
            assertThat(response.isJson()).isTrue();
            assertThat(response.<String>json("$.error")).isEqualTo("invalid_limit");
        }
        var badKind = api.get(timeline(customer) + "?kinds=call,fax");
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.<String>json("$.error")).isEqualTo("invalid_kind");
    }

    @Test
    void anEventOfUnknownTypeIsSkippedAndLoggedAndTheNextOneIsApplied(CapturedOutput output) {
        var unknown = event("call.teleported", tenant, customer, T0, Map.of("callSid", "CA3"));
        events.send(unknown);
        events.send(event("call.completed", tenant, customer, T0.plusMinutes(1), Map.of("callSid", "CA3")));

        var page = awaitItems(customer, 1);

        assertThat(page.<List<String>>json("$.items[*].type")).containsExactly("call.completed");
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(output.getAll())
                        .contains("Skipping event " + unknown.id() + " of unknown type 'call.teleported'"));
    }

    private synchronized void manyEvents() {
        if (manyCustomer != null) {
            return;
        }
        UUID tenant = UUID.randomUUID();
        UUID customer = UUID.randomUUID();
        List<EventEnvelope> batch = new ArrayList<>();
        for (int i = 0; i < MANY; i++) {
            // Every three events share a time, so the event id has to break the ties.
            OffsetDateTime at = T0.plusSeconds(i / 3);
            batch.add(event(
                    i % 2 == 0 ? "call.completed" : "whatsapp.received",
                    tenant,
                    customer,
                    at,
                    Map.of("callSid", "CA" + i, "messageSid", "SM" + i)));
        }
        events.sendAll(batch);
        await().atMost(Duration.ofSeconds(60)).until(() -> rows(customer) == MANY);
        manyTenant = tenant;
        manyCustomer = customer;
    }

    private Api.Response awaitItems(UUID customer, int count) {
        await().atMost(WAIT).until(() -> rows(customer) >= count);
        return api.get(timeline(customer));
    }

    private long rows(UUID customer) {
        return jdbc.sql("select count(*) from timeline_entry where customer_id = ?")
                .param(customer)
                .query(Long.class)
                .single();
    }

    private static String timeline(UUID customer) {
        return "/api/customers/" + customer + "/timeline";
    }
}
