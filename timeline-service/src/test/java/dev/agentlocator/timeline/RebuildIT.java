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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

@ServiceIntegrationTest
class RebuildIT {

    private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-04-01T09:00:00+03:00");
    private static final Duration WAIT = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Test
    void onlyAPlatformAdminMayRebuild() {
        var owner = Api.at(port).withToken(TestJwt.token(UUID.randomUUID(), UUID.randomUUID(), "owner"));

        var response = owner.post("/api/admin/rebuild", "{}");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.<String>json("$.error")).isEqualTo("forbidden");
        assertThat(owner.get("/api/admin/rebuild").status()).isEqualTo(403);
    }

    @Test
    void aRebuildReproducesTheSameProjectionAndLiveConsumptionGoesOnWithoutDuplicates() {
        var events = new Events(kafka, json);
        UUID tenant = UUID.randomUUID();
        List<EventEnvelope> batch = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            UUID customer = UUID.randomUUID();
            batch.add(event("customer.created", tenant, customer, T0, Map.of("name", "לקוח " + c, "source", "call")));
            batch.add(event("call.completed", tenant, customer, T0.plusMinutes(1), Map.of("answeredBy", "ai")));
            batch.add(event(
                    "task.created",
                    tenant,
                    customer,
                    T0.plusMinutes(2),
                    Map.of("taskId", UUID.randomUUID().toString(), "dueAt", "2020-01-01T00:00:00Z")));
            batch.add(event("invoice.paid", tenant, customer, T0.plusMinutes(3), Map.of("totalAgorot", 100)));
            batch.add(event("call.unheard_of", tenant, customer, T0.plusMinutes(4), Map.of()));
        }
        events.sendAll(batch);
        events.send(batch.get(1)); // a redelivery
        await().atMost(WAIT).until(() -> entries(tenant).size() == 12);
        List<Map<String, Object>> timelineBefore = entries(tenant);
        List<Map<String, Object>> statsBefore = stats(tenant);
        List<Map<String, Object>> customersBefore = customers(tenant);

        var admin = Api.at(port).withToken(TestJwt.token(UUID.randomUUID(), UUID.randomUUID(), "admin"));
        var started = admin.post("/api/admin/rebuild", "{}");
        assertThat(started.status()).isEqualTo(202);
        assertThat(started.<String>json("$.state")).isEqualTo("running");
        await().atMost(WAIT)
                .until(() -> admin.get("/api/admin/rebuild").<String>json("$.state"), s -> !"running".equals(s));
        var status = admin.get("/api/admin/rebuild");

        assertThat(status.<String>json("$.state")).isEqualTo("finished");
        assertThat(status.<Integer>json("$.eventsApplied")).isGreaterThanOrEqualTo(12);
        assertThat(status.<String>json("$.startedAt")).isNotBlank();
        assertThat(status.<String>json("$.finishedAt")).isNotBlank();
        assertThat(status.<Map<String, Integer>>json("$.lagByTopic")).containsEntry("telephony.call.v1", 0);
        assertThat(entries(tenant)).isEqualTo(timelineBefore);
        assertThat(stats(tenant)).isEqualTo(statsBefore);
        assertThat(customers(tenant)).isEqualTo(customersBefore);

        UUID customer = (UUID) customersBefore.get(0).get("customer_id");
        events.send(event("whatsapp.received", tenant, customer, T0.plusMinutes(9), Map.of("text", "עוד משהו")));
        events.send(batch.get(0)); // an old event delivered again after the rebuild
        await().atMost(WAIT).until(() -> entries(tenant).size() == 13);
        var page = Api.at(port)
                .withToken(TestJwt.token(UUID.randomUUID(), tenant, "agent"))
                .get("/api/customers/" + customer + "/timeline");
        assertThat(page.<List<String>>json("$.items[*].type"))
                .containsExactly(
                        "whatsapp.received", "invoice.paid", "task.created", "call.completed", "customer.created");
    }

    @Test
    void theStateIsSharedByEveryInstanceAndALapsedRebuildCanBeTakenOver() {
        var admin = Api.at(port).withToken(TestJwt.token(UUID.randomUUID(), UUID.randomUUID(), "admin"));
        // Another instance is rebuilding: its lease is alive, so this instance refuses a second start.
        jdbc.sql("""
                        update projection_rebuild set state = 'running', run_id = gen_random_uuid(),
                               instance = 'timeline-other/7', started_at = now(), heartbeat_at = now() + interval '1 hour',
                               events_read = 42, lag_by_topic = '{"crm.customer.v1":8}'
                         where id = 1
                        """).update();
        var status = admin.get("/api/admin/rebuild");
        assertThat(status.<String>json("$.state")).isEqualTo("running");
        assertThat(status.<String>json("$.instance")).isEqualTo("timeline-other/7");
        assertThat(status.<Integer>json("$.eventsRead")).isEqualTo(42);
        assertThat(status.<Map<String, Integer>>json("$.lagByTopic")).containsEntry("crm.customer.v1", 8);
        var second = admin.post("/api/admin/rebuild", "{}");
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.<String>json("$.error")).isEqualTo("rebuild_running");

        // That instance died: no progress for longer than the lease.
        jdbc.sql("update projection_rebuild set heartbeat_at = now() - interval '10 minutes' where id = 1")
                .update();
        var lapsed = admin.get("/api/admin/rebuild");
        assertThat(lapsed.<String>json("$.state")).isEqualTo("failed");
        assertThat(lapsed.<String>json("$.error")).contains("stopped reporting progress");

        var takenOver = admin.post("/api/admin/rebuild", "{}");
        assertThat(takenOver.status()).isEqualTo(202);
        assertThat(takenOver.<String>json("$.instance")).isNotEqualTo("timeline-other/7");
        await().atMost(WAIT)
                .until(() -> admin.get("/api/admin/rebuild").<String>json("$.state"), s -> !"running".equals(s));
        assertThat(admin.get("/api/admin/rebuild").<String>json("$.state")).isEqualTo("finished");
    }

    private List<Map<String, Object>> entries(UUID tenant) {
        return jdbc.sql("""
                        select event_id, customer_id, kind, event_type, occurred_at, title, details::text, reference,
                               source_link
                          from timeline_entry where tenant_id = ? order by event_id
                        """).param(tenant).query().listOfRows();
    }

    private List<Map<String, Object>> stats(UUID tenant) {
        return jdbc.sql("select day, metric, dimension, value from stats_daily where tenant_id = ? order by 1, 2, 3")
                .param(tenant)
                .query()
                .listOfRows();
    }

    private List<Map<String, Object>> customers(UUID tenant) {
        return jdbc.sql("select customer_id, name, deleted from timeline_customer where tenant_id = ? order by 1")
                .param(tenant)
                .query()
                .listOfRows();
    }
}
