package dev.agentlocator.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.platform.events.Topics;
import dev.agentlocator.systemtests.Suite.Tenant;
import dev.agentlocator.testkit.TestInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The outbox's promise (ADR 0002) on the real crm-service jar and the real broker: a write that
 * committed is published exactly once, whether Kafka is away or the service dies before publishing.
 */
class OutboxFaultIT {

    private static Suite suite;

    @BeforeAll
    static void suite() {
        suite = Suite.get();
    }

    @AfterEach
    void leaveEverythingRunning() {
        if (!TestInfrastructure.embeddedKafka().isRunning()) {
            TestInfrastructure.embeddedKafka().start();
        }
        var crm = suite.service("crm-service");
        if (!crm.isAlive()) {
            crm.restart();
        }
    }

    @Test
    void unsentOutboxEventsOfAKilledServiceArriveExactlyOnceAfterItRestarts() {
        Tenant tenant = suite.signUp("outbox-kill");
        var api = tenant.api(suite);
        var kafka = TestInfrastructure.embeddedKafka();
        kafka.stop();
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            var created =
                    api.post("/api/crm/customers", "{\"name\":\"לקוח %d\",\"phone\":\"+9725410%05d\"}".formatted(i, i));
            assertThat(created.status())
                    .as("a write while Kafka is down: %s", created.body())
                    .isEqualTo(201);
            customers.add(created.json("$.id"));
        }
        Set<String> waiting = outboxIds(tenant, true);
        assertThat(waiting).as("events of the 25 writes still in the outbox").hasSizeGreaterThanOrEqualTo(25);

        suite.service("crm-service").kill(); // kill -9 with those events unsent
        kafka.start();
        suite.service("crm-service").restart();

        var records = Topic.readAll(
                Topics.CRM_CUSTOMER,
                r -> tenant.id().toString().equals(tenantOf(r)),
                waiting.size(),
                Duration.ofSeconds(60),
                Duration.ofSeconds(3));
        Map<String, Long> perEvent = countById(records);
        assertThat(perEvent.keySet())
                .as("every committed event is on the topic")
                .containsAll(waiting);
        assertThat(duplicates(perEvent)).as("events published more than once").isEmpty();
        assertThat(records.stream().map(ConsumerRecord::key).collect(Collectors.toSet()))
                .as("keyed by customer")
                .containsAll(customers);
        assertThat(outboxIds(tenant, true)).as("nothing left unsent").isEmpty();
    }

    @Test
    void kafkaDownForThirtySecondsUnderSteadyWritesLosesNothingAndTheTimelineHasEachOnce() throws Exception {
        Tenant tenant = suite.signUp("kafka-down");
        var api = tenant.api(suite);
        var kafka = TestInfrastructure.embeddedKafka();
        List<String> created = Collections.synchronizedList(new ArrayList<>());
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger sequence = new AtomicInteger();
        Thread writer = new Thread(() -> {
            while (writing.get()) {
                int i = sequence.incrementAndGet();
                try {
                    var response = api.post(
                            "/api/crm/customers", "{\"name\":\"זרם %d\",\"phone\":\"+9725420%05d\"}".formatted(i, i));
                    if (response.status() == 201) {
                        created.add(response.json("$.id"));
                    } else {
                        failures.add(response.status() + " " + response.body());
                    }
                } catch (RuntimeException e) {
                    failures.add(e.toString());
                }
                Suite.sleep(100);
            }
        });
        writer.start();
        Suite.sleep(3_000);
        int beforeOutage = created.size();
        kafka.stop();
        long down = System.nanoTime();
        Suite.sleep(30_000);
        int duringOutage = created.size() - beforeOutage;
        kafka.start();
        System.out.printf("Kafka was down for %.1f s%n", (System.nanoTime() - down) / 1e9);
        Suite.sleep(5_000);
        writing.set(false);
        writer.join();

        assertThat(failures).as("writes refused while Kafka was away").isEmpty();
        assertThat(duringOutage).as("writes accepted during the outage").isGreaterThan(30);
        Set<String> expected = new HashSet<>(outboxIds(tenant, false));
        assertThat(expected).as("one customer.created per write").hasSizeGreaterThanOrEqualTo(created.size());

        var records = Topic.readAll(
                Topics.CRM_CUSTOMER,
                r -> tenant.id().toString().equals(tenantOf(r)),
                expected.size(),
                Duration.ofSeconds(90),
                Duration.ofSeconds(3));
        Map<String, Long> perEvent = countById(records);
        System.out.printf(
                "Kafka outage: %d writes (%d during the outage), %d events expected, %d records read, %d distinct,"
                        + " resent: %s%n",
                created.size(), duringOutage, expected.size(), records.size(), perEvent.size(), duplicates(perEvent));
        assertThat(perEvent.keySet()).as("every event delivered, and no other").isEqualTo(expected);
        // A send the broker stored while it was going away, but never acknowledged, is sent again:
        // delivery is at-least-once (ADR 0002), so the topic may hold such a record twice, with the
        // same event id; consumers drop the second. Anything beyond the odd resend is a fault.
        assertThat(records.size() - perEvent.size())
                .as("records resent around the broker's shutdown")
                .isLessThanOrEqualTo(5);

        // and the projection downstream has each of them exactly once
        Suite.await(
                "every customer on the timeline",
                Duration.ofSeconds(60),
                () -> suite.count(
                                "timeline-service",
                                "select count(*) from timeline_entry where tenant_id = ? and event_type = 'customer.created'",
                                tenant.id())
                        >= created.size());
        assertThat(suite.count(
                        "timeline-service",
                        "select count(*) from timeline_entry where tenant_id = ? and event_type = 'customer.created'",
                        tenant.id()))
                .isEqualTo(created.size());
        assertThat(suite.count(
                        "timeline-service",
                        "select coalesce(sum(value), 0) from stats_daily where tenant_id = ? and metric = 'leads.new'",
                        tenant.id()))
                .as("new leads counted once each, resent or not")
                .isEqualTo(created.size());
    }

    private static Set<String> outboxIds(Tenant tenant, boolean unsentOnly) {
        Set<String> ids = ConcurrentHashMap.newKeySet();
        try (var c = suite.database("crm-service");
                var statement = c.prepareStatement("select id from outbox_event where tenant_id = ?"
                        + " and topic = 'crm.customer.v1'" + (unsentOnly ? " and published_at is null" : ""))) {
            statement.setObject(1, tenant.id());
            try (var rs = statement.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    static String tenantOf(ConsumerRecord<String, String> record) {
        return OpenApi.JSON.readTree(record.value()).path("tenantId").asString();
    }

    static Map<String, Long> countById(List<ConsumerRecord<String, String>> records) {
        return records.stream()
                .map(r -> OpenApi.JSON.readTree(r.value()).path("id").asString())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    static Map<String, Long> duplicates(Map<String, Long> perEvent) {
        return perEvent.entrySet().stream()
                .filter(e -> e.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
