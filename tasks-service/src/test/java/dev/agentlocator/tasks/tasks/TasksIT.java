package dev.agentlocator.tasks.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.agentlocator.platform.events.EventEnvelope;
import dev.agentlocator.platform.events.Topics;
import dev.agentlocator.tasks.Agent;
import dev.agentlocator.tasks.Colleagues;
import dev.agentlocator.testkit.Api;
import dev.agentlocator.testkit.ServiceIntegrationTest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

@ServiceIntegrationTest
class TasksIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JsonMapper json;

    @Test
    void createsATaskForTheCallerWithDefaultsAndEmitsTaskCreated() {
        var owner = Agent.ownerOfNewTenant(port);
        var due = OffsetDateTime.now().plusDays(2).truncatedTo(ChronoUnit.SECONDS);
        var created = owner.api().post("/api/tasks", """
                {"title":"להתקשר לדני","dueAt":"%s","channel":"call"}""".formatted(due));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.<String>json("$.title")).isEqualTo("להתקשר לדני");
        assertThat(created.<String>json("$.assigneeId"))
                .isEqualTo(owner.userId().toString());
        assertThat(created.<String>json("$.status")).isEqualTo("open");
        assertThat(created.<String>json("$.priority")).isEqualTo("medium");
        assertThat(OffsetDateTime.parse(created.<String>json("$.dueAt")))
                .isEqualTo(due.withOffsetSameInstant(ZoneOffset.UTC));
        String id = created.json("$.id");

        assertThat(owner.api().get("/api/tasks/" + id).<String>json("$.channel"))
                .isEqualTo("call");
        assertThat(eventTypes(id)).containsExactly("task.created");
    }

    @Test
    void refusesInvalidBodiesWith400AndHebrewFieldMessages() {
        var owner = Agent.ownerOfNewTenant(port);
        for (String body : List.of(
                "{\"title\":\"\"}",
                "{\"title\":\"" + "א".repeat(301) + "\"}",
                "{\"title\":\"x\",\"channel\":\"fax\"}",
                "{\"title\":\"x\",\"priority\":\"urgent\"}",
                "{\"title\":\"x\",\"status\":\"later\"}")) {
            var response = owner.api().post("/api/tasks", body);
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.<String>json("$.error")).isEqualTo("validation_failed");
            assertThat(response.<Map<String, String>>json("$.details.fields").values())
                    .allMatch(m -> m.matches(".*[א-ת].*"));
        }
        var badDate = owner.api().post("/api/tasks", "{\"title\":\"x\",\"dueAt\":\"tomorrow\"}");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.<String>json("$.message")).containsPattern("[א-ת]");
    }

    /** Ranges ("today", "this week", overdue) depend on the clock: {@link TaskRangesIT}. */
    @Test
    void filtersByStatusAssigneeCustomerChannelAndPriorityAndPages() {
        var owner = Agent.ownerOfNewTenant(port);
        var agent = Agent.in(port, owner.tenantId(), "agent");
        new Colleagues(kafka, json, jdbc).announce(agent, true);
        UUID customer = UUID.randomUUID();
        var due = OffsetDateTime.parse("2027-03-24T10:00:00+02:00");
        create(owner, "באיחור", due.minusHours(30), null, "call", "high", null);
        create(owner, "היום", due.plusMinutes(1), customer, "whatsapp", "low", null);
        create(owner, "בעוד חודש", due.plusDays(40), null, "email", "medium", agent.userId());
        String done = create(owner, "בוצעה באיחור", due.minusHours(30), customer, "call", "low", null);
        assertThat(owner.api().post("/api/tasks/" + done + "/done", "").status())
                .isEqualTo(200);

        assertThat(titles(owner, "range=all")).hasSize(4);
        assertThat(titles(owner, "status=done")).containsExactly("בוצעה באיחור");
        assertThat(titles(owner, "customerId=" + customer)).containsExactlyInAnyOrder("היום", "בוצעה באיחור");
        assertThat(titles(owner, "channel=email")).containsExactly("בעוד חודש");
        assertThat(titles(owner, "priority=high")).containsExactly("באיחור");
        assertThat(titles(owner, "assigneeId=" + agent.userId())).containsExactly("בעוד חודש");
        assertThat(titles(agent, "mine=true")).containsExactly("בעוד חודש");

        var page = owner.api().get("/api/tasks?limit=3&page=2");
        assertThat(page.<Integer>json("$.total")).isEqualTo(4);
        assertThat(page.<Integer>json("$.pages")).isEqualTo(2);
        assertThat(page.<Integer>json("$.page")).isEqualTo(2);
        assertThat(page.<Integer>json("$.limit")).isEqualTo(3);
        assertThat(page.<Integer>json("$.items.length()")).isEqualTo(1);

        assertThat(owner.api().get("/api/tasks/summary").<Integer>json("$.open"))
                .isEqualTo(3);
        assertThat(agent.api().get("/api/tasks/summary?mine=true").<Integer>json("$.open"))
                .isEqualTo(1);
    }

    @Test
    void badFilterAndPagingValuesAre400JsonInHebrew() {
        var owner = Agent.ownerOfNewTenant(port);
        for (String query : List.of(
                "range=yesterday",
                "status=closed",
                "channel=fax",
                "priority=urgent",
                "assigneeId=nobody",
                "customerId=42",
                "mine=perhaps",
                "page=0",
                "limit=abc")) {
            var response = owner.api().get("/api/tasks?" + query);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.isJson()).isTrue();
            assertThat(response.<String>json("$.message")).as(query).containsPattern("[א-ת]");
        }
    }

    @Test
    void patchChangesOnlyTheGivenFieldsAndEmitsTaskUpdated() {
        var owner = Agent.ownerOfNewTenant(port);
        String id = create(owner, "משימה", OffsetDateTime.now().plusDays(1), null, "call", "low", null);
        var patched = owner.api().patch("/api/tasks/" + id, """
                {"priority":"high","status":"in_progress","notes":"לחזור אחרי 16:00"}""");
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.<String>json("$.priority")).isEqualTo("high");
        assertThat(patched.<String>json("$.status")).isEqualTo("in_progress");
        assertThat(patched.<String>json("$.title")).isEqualTo("משימה");
        assertThat(patched.<String>json("$.channel")).isEqualTo("call");
        assertThat(owner.api().patch("/api/tasks/" + id, "{\"title\":\"\"}").status())
                .isEqualTo(400);
        assertThat(eventTypes(id)).containsExactly("task.created", "task.updated");
    }

    @Test
    void snoozeAcceptsOnly5_15Or60MinutesAndMovesTheDueTime() {
        var owner = Agent.ownerOfNewTenant(port);
        String id = create(owner, "משימה", OffsetDateTime.now().minusMinutes(1), null, "call", "low", null);
        for (String body : List.of("{\"minutes\":10}", "{\"minutes\":0}", "{}", "{\"minutes\":\"abc\"}")) {
            var refused = owner.api().post("/api/tasks/" + id + "/snooze", body);
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(refused.<String>json("$.message")).containsPattern("[א-ת]");
        }
        var before = OffsetDateTime.now();
        var snoozed = owner.api().post("/api/tasks/" + id + "/snooze", "{\"minutes\":15}");
        assertThat(snoozed.status()).isEqualTo(200);
        var dueAt = OffsetDateTime.parse(snoozed.<String>json("$.dueAt"));
        assertThat(dueAt)
                .isBetween(
                        before.plusMinutes(15).minusSeconds(1),
                        OffsetDateTime.now().plusMinutes(15));

        assertThat(owner.api().post("/api/tasks/" + id + "/done", "").<String>json("$.status"))
                .isEqualTo("done");
        assertThat(owner.api().post("/api/tasks/" + id + "/done", "").status()).isEqualTo(200);
        var afterDone = owner.api().post("/api/tasks/" + id + "/snooze", "{\"minutes\":5}");
        assertThat(afterDone.status()).isEqualTo(409);
        assertThat(eventTypes(id)).containsSubsequence("task.created", "task.snoozed", "task.completed");
        assertThat(eventTypes(id)).filteredOn("task.completed"::equals).hasSize(1);
    }

    @Test
    void anotherTenantsTaskIs404AndNeverListed() {
        var owner = Agent.ownerOfNewTenant(port);
        var stranger = Agent.ownerOfNewTenant(port);
        String id = create(owner, "סודי", OffsetDateTime.now().plusDays(1), null, "call", "low", null);

        assertThat(stranger.api().get("/api/tasks/" + id).status()).isEqualTo(404);
        assertThat(stranger.api().patch("/api/tasks/" + id, "{\"title\":\"x\"}").status())
                .isEqualTo(404);
        assertThat(stranger.api().post("/api/tasks/" + id + "/done", "").status())
                .isEqualTo(404);
        var snooze = stranger.api().post("/api/tasks/" + id + "/snooze", "{\"minutes\":5}");
        assertThat(snooze.status()).isEqualTo(404);
        assertThat(snooze.<String>json("$.error")).isEqualTo("not_found");
        assertThat(titles(stranger, "range=all")).isEmpty();
        assertThat(stranger.api().get("/api/tasks/summary").<Integer>json("$.open"))
                .isZero();
    }

    @Test
    void aViewerReadsButCannotWrite() {
        var owner = Agent.ownerOfNewTenant(port);
        var viewer = Agent.in(port, owner.tenantId(), "viewer");
        String id = create(owner, "משימה", OffsetDateTime.now().plusDays(1), null, "call", "low", null);

        assertThat(viewer.api().get("/api/tasks").status()).isEqualTo(200);
        var refused = viewer.api().post("/api/tasks", "{\"title\":\"x\"}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.<String>json("$.error")).isEqualTo("forbidden");
        assertThat(viewer.api().patch("/api/tasks/" + id, "{\"title\":\"x\"}").status())
                .isEqualTo(403);
        assertThat(viewer.api()
                        .post("/api/tasks/" + id + "/snooze", "{\"minutes\":5}")
                        .status())
                .isEqualTo(403);
        assertThat(viewer.api().post("/api/tasks/" + id + "/done", "").status()).isEqualTo(403);
    }

    @Test
    void customerNameAndPhoneComeFromCrmEventsAndRideOnTaskEvents() throws Exception {
        var owner = Agent.ownerOfNewTenant(port);
        UUID customer = UUID.randomUUID();
        publishCustomer("customer.created", owner.tenantId(), customer, "דנה כהן", "+972501234567");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("select count(*) from customer where id = ?")
                                .param(customer)
                                .query(Long.class)
                                .single()
                        == 1);

        String id = create(owner, "להתקשר", OffsetDateTime.now().plusDays(1), customer, "call", "low", null);
        var task = owner.api().get("/api/tasks/" + id);
        assertThat(task.<String>json("$.customerName")).isEqualTo("דנה כהן");
        assertThat(task.<String>json("$.customerPhone")).isEqualTo("+972501234567");
        String envelope = jdbc.sql(
                        "select envelope from outbox_event where event_type = 'task.created' and envelope like ?")
                .param("%" + id + "%")
                .query(String.class)
                .single();
        var event = json.readValue(envelope, EventEnvelope.class);
        assertThat(event.customerId()).isEqualTo(customer);
        assertThat(event.payload())
                .containsEntry("customerName", "דנה כהן")
                .containsEntry("customerPhone", "+972501234567");

        publishCustomer("customer.updated", owner.tenantId(), customer, "דנה לוי", "+972501234567");
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        "דנה לוי".equals(owner.api().get("/api/tasks/" + id).json("$.customerName")));

        // another tenant cannot attach its tasks (and so its timeline entries) to this customer
        var stranger = Agent.ownerOfNewTenant(port);
        var refused = stranger.api().post("/api/tasks", """
                {"title":"אחר","customerId":"%s"}""".formatted(customer));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.<String>json("$.error")).isEqualTo("customer_not_found");
        assertThat(stranger.api().get("/api/tasks").<Integer>json("$.total")).isZero();

        publishCustomer("customer.deleted", owner.tenantId(), customer, "דנה לוי", "+972501234567");
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        owner.api().post("/api/tasks", """
                        {"title":"x","customerId":"%s"}""".formatted(customer)).status() == 400);
    }

    private void publishCustomer(String type, UUID tenant, UUID customer, String name, String phone) throws Exception {
        var event = EventEnvelope.create(type, tenant, customer, "test", Map.of("name", name, "phone", phone));
        kafka.send(Topics.CRM_CUSTOMER, customer.toString(), json.writeValueAsString(event))
                .get();
    }

    private List<String> eventTypes(String taskId) {
        return jdbc.sql("select event_type from outbox_event where envelope like ? order by seq")
                .param("%" + taskId + "%")
                .query(String.class)
                .list();
    }

    static String create(
            Agent who,
            String title,
            OffsetDateTime due,
            UUID customer,
            String channel,
            String priority,
            UUID assignee) {
        var body = new StringBuilder(
                "{\"title\":\"" + title + "\",\"channel\":\"" + channel + "\",\"priority\":\"" + priority + "\"");
        if (due != null) {
            body.append(",\"dueAt\":\"").append(due).append('"');
        }
        if (customer != null) {
            body.append(",\"customerId\":\"").append(customer).append('"');
        }
        if (assignee != null) {
            body.append(",\"assigneeId\":\"").append(assignee).append('"');
        }
        Api.Response response = who.api().post("/api/tasks", body.append('}').toString());
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json("$.id");
    }

    static List<String> titles(Agent who, String query) {
        var response = who.api().get("/api/tasks?limit=100&" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json("$.items[*].title");
    }
}
