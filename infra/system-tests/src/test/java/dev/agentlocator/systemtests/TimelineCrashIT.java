package dev.agentlocator.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.platform.events.EventEnvelope;
import dev.agentlocator.platform.events.Topics;
import dev.agentlocator.testkit.TestJwt;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * timeline-service killed (SIGKILL) in the middle of consuming a burst: after it restarts, every
 * event is on the timeline once and counted once in the statistics (ADR 0005: the processed mark,
 * the entry and the counters commit together; uncommitted offsets are re-read).
 */
class TimelineCrashIT {

    private static final int CUSTOMERS = 50;
    private static final int EVENTS_PER_CUSTOMER = 60;

    private static Suite suite;

    @BeforeAll
    static void suite() {
        suite = Suite.get();
    }

    @Test
    void aConsumerKilledMidBurstResumesWithNoDuplicateAndNoGap() {
        UUID tenant = UUID.randomUUID();
        List<UUID> customers = new ArrayList<>();
        List<EventEnvelope> events = new ArrayList<>();
        OffsetDateTime start = OffsetDateTime.now().minusMinutes(10);
        for (int c = 0; c < CUSTOMERS; c++) {
            UUID customer = UUID.randomUUID();
            customers.add(customer);
            events.add(new EventEnvelope(
                    UUID.randomUUID(),
                    "customer.created",
                    1,
                    tenant,
                    customer,
                    start,
                    "crash-test",
                    Map.of(
                            "name",
                            "לקוח " + c,
                            "phone",
                            "+97250" + (1_000_000 + c),
                            "status",
                            "new",
                            "source",
                            "call")));
        }
        List<EventEnvelope> tasks = new ArrayList<>();
        for (int i = 1; i < EVENTS_PER_CUSTOMER; i++) {
            for (UUID customer : customers) {
                tasks.add(new EventEnvelope(
                        UUID.randomUUID(),
                        "task.created",
                        1,
                        tenant,
                        customer,
                        start.plusSeconds(i),
                        "crash-test",
                        Map.of(
                                "taskId",
                                UUID.randomUUID().toString(),
                                "title",
                                "משימה " + i,
                                "dueAt",
                                start.plusDays(1).toString(),
                                "status",
                                "open")));
            }
        }
        int total = events.size() + tasks.size();
        Topic.publish(Topics.CRM_CUSTOMER, events);
        Topic.publish(Topics.TASKS_TASK, tasks);

        var timeline = suite.service("timeline-service");
        String countSql = "select count(*) from timeline_entry where tenant_id = ?";
        Suite.await(
                "timeline-service to be part-way through the burst",
                Duration.ofSeconds(60),
                () -> suite.count("timeline-service", countSql, tenant) > total / 10);
        long atKill = suite.count("timeline-service", countSql, tenant);
        timeline.kill();
        System.out.printf("timeline-service killed after %d of %d events%n", atKill, total);
        assertThat(atKill).as("killed mid-burst, not after it").isLessThan(total);

        timeline.restart();
        Suite.await(
                "every event of the burst on the timeline",
                Duration.ofSeconds(120),
                () -> suite.count("timeline-service", countSql, tenant) >= total);
        Suite.sleep(2_000); // a duplicate would land now

        assertThat(suite.count("timeline-service", countSql, tenant))
                .as("timeline entries")
                .isEqualTo(total);
        assertThat(suite.count(
                        "timeline-service",
                        "select count(distinct event_id) from timeline_entry where tenant_id = ?",
                        tenant))
                .isEqualTo(total);
        assertThat(suite.count(
                        "timeline-service",
                        "select coalesce(sum(value), 0) from stats_daily where tenant_id = ? and metric = 'tasks.created'",
                        tenant))
                .as("tasks.created counted once each")
                .isEqualTo(tasks.size());
        assertThat(suite.count(
                        "timeline-service",
                        "select coalesce(sum(value), 0) from stats_daily where tenant_id = ? and metric = 'leads.new'",
                        tenant))
                .as("leads.new counted once each")
                .isEqualTo(CUSTOMERS);

        // and through the API, one customer's page has exactly its events
        var api = timeline.api().withToken(TestJwt.token(UUID.randomUUID(), tenant, "owner"));
        var page = api.get("/api/customers/" + customers.get(CUSTOMERS / 2) + "/timeline?limit=500");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.<List<Object>>json("$.items")).hasSize(EVENTS_PER_CUSTOMER);
    }
}
