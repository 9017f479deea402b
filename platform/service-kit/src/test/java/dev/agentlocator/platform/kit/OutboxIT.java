package dev.agentlocator.platform.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.agentlocator.platform.events.EventEnvelope;
import dev.agentlocator.platform.events.EventSamples;
import dev.agentlocator.platform.events.TaskEvent;
import dev.agentlocator.platform.events.Topics;
import dev.agentlocator.platform.events.UserEvent;
import dev.agentlocator.platform.kit.outbox.Outbox;
import dev.agentlocator.platform.kit.testapp.NoteService;
import dev.agentlocator.testkit.Api;
import dev.agentlocator.testkit.ServiceIntegrationTest;
import dev.agentlocator.testkit.TestInfrastructure;
import dev.agentlocator.testkit.TestJwt;
import dev.agentlocator.testkit.infra.KafkaServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox on a real PostgreSQL and a real Kafka broker. The producer gives up on a record after
 * 3 s here (10 s in the services), so that Kafka outages long enough for several attempts stay
 * short.
 */
@ServiceIntegrationTest
@TestPropertySource(
        properties = {
            "spring.kafka.producer.properties.delivery.timeout.ms=3000",
            "spring.kafka.producer.properties.request.timeout.ms=1000",
        })
class OutboxIT {

    /** Bigger than the producer's max.request.size (1 MiB): Kafka will never take this record. */
    private static final String TOO_LARGE = "x".repeat(1_100_000);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    NoteService notes;

    @Autowired
    Outbox outbox;

    @Autowired
    TransactionTemplate transactions;

    private final UUID tenant = UUID.randomUUID();
    private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
    private final List<String> receivedInOrder = new CopyOnWriteArrayList<>();
    private final AtomicBoolean consuming = new AtomicBoolean(true);
    private Thread consumer;
    private Api api;

    @BeforeEach
    void startCountingConsumer() {
        api = Api.at(port).withToken(TestJwt.token(UUID.randomUUID(), tenant, "agent"));
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "outbox-it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        consumer = new Thread(() -> {
            try (var kafka = new KafkaConsumer<String, String>(props)) {
                kafka.subscribe(List.of(NoteService.TOPIC));
                while (consuming.get()) {
                    for (var record : kafka.poll(Duration.ofMillis(200))) {
                        if (record.key().equals(tenant.toString())) {
                            String id = new String(
                                    record.headers().lastHeader("eventId").value());
                            received.computeIfAbsent(id, k -> new AtomicInteger())
                                    .incrementAndGet();
                            receivedInOrder.add(id);
                        }
                    }
                }
            }
        });
        consumer.start();
    }

    @AfterEach
    void stopConsumer() throws InterruptedException {
        consuming.set(false);
        consumer.join(10_000);
        TestInfrastructure.embeddedKafka().start();
    }

    @Test
    void eventsWrittenWhileKafkaIsDownAllArriveInOrderWhenItComesBack() throws InterruptedException {
        KafkaServer kafka = TestInfrastructure.embeddedKafka();
        assertThat(writeNote("before the outage")).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() == 1);

        kafka.stop();
        for (int i = 0; i < 20; i++) {
            assertThat(writeNote("during the outage " + i)).isEqualTo(201);
        }
        assertThat(notesOfTenant()).isEqualTo(21);
        // Kafka stays away for more attempts than a refused record gets before it is parked.
        await().atMost(Duration.ofSeconds(60)).until(() -> mostAttempts() > 3);
        assertThat(unpublished()).isEqualTo(20);
        assertThat(parked()).as("an unreachable broker parks nothing").isZero();
        assertThat(jdbc.sql("select last_error from outbox_event where tenant_id = ? and attempts > 0 limit 1")
                        .param(tenant)
                        .query(String.class)
                        .single())
                .as("the failure is recorded")
                .contains("TimeoutException");
        assertThat(received).hasSize(1);

        kafka.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> received.size() == 21);
        await().atMost(Duration.ofSeconds(10)).until(() -> unpublished() == 0);
        assertThat(received).hasSize(21);
        // At least once (ADR 0002): a send whose acknowledgement arrives after the producer's
        // delivery timeout is sent again, and consumers drop the copy by its event id. What must
        // hold is that nothing is lost and no event overtakes an earlier one of the same key.
        assertThat(receivedInOrder.stream().distinct().toList())
                .as("one customer's events, first arrivals in the order they were written")
                .containsExactlyElementsOf(idsInWriteOrder());
    }

    @Test
    void aRecordKafkaRefusesIsParkedWhileTheEventsAroundItAreDeliveredOnce() throws InterruptedException {
        // One transaction, so that the relay takes all three in the same round.
        List<UUID> ids = transactions.execute(status -> List.of(
                notes.create(tenant, "before the poison"),
                notes.create(tenant, TOO_LARGE),
                notes.create(tenant, "after the poison")));
        assertThat(ids).hasSize(3);
        String before = eventIdOfNote(ids.get(0));
        String poison = eventIdOfNote(ids.get(1));
        String after = eventIdOfNote(ids.get(2));

        await().atMost(Duration.ofSeconds(30)).until(() -> received.containsKey(before) && received.containsKey(after));
        await().atMost(Duration.ofSeconds(30)).until(() -> isParked(poison));

        var row = jdbc.sql("select attempts, park_reason, last_error, published_at is null as unpublished"
                        + " from outbox_event where id = ?::uuid")
                .param(poison)
                .query()
                .singleRow();
        assertThat(row.get("attempts")).as("bounded attempts, recorded").isEqualTo(3);
        assertThat((String) row.get("park_reason")).contains("RecordTooLargeException");
        assertThat((String) row.get("last_error")).contains("RecordTooLargeException");
        assertThat(row.get("unpublished")).isEqualTo(true);
        assertThat(published(before))
                .as("acknowledged before the failure, still marked")
                .isTrue();
        assertThat(published(after))
                .as("acknowledged in the round that failed, still marked")
                .isTrue();
        Thread.sleep(2_000); // rows that lost their marks would be sent again by now
        assertThat(received.get(before).get()).isEqualTo(1);
        assertThat(received.get(after).get()).isEqualTo(1);
        assertThat(received).doesNotContainKey(poison);

        // The relay keeps going, for this customer too.
        assertThat(writeNote("long after the poison")).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() == 3);

        var metrics = Api.at(port).get("/actuator/prometheus").body();
        assertThat(metrics).containsPattern("(?m)^agentlocator_outbox_parked_events\\{[^}]*} [1-9]");
        assertThat(metrics).containsPattern("(?m)^outbox_events_parked_total\\{[^}]*} [1-9]");
    }

    @Test
    void anOperatorSeesAParkedRowAndRequeuesItOnceFixed() {
        var admin = Api.at(port).withToken(TestJwt.token(UUID.randomUUID(), UUID.randomUUID(), "admin"));
        UUID noteId = transactions.execute(status -> notes.create(tenant, TOO_LARGE));
        String poison = eventIdOfNote(noteId);
        await().atMost(Duration.ofSeconds(30)).until(() -> isParked(poison));

        var listed = admin.get("/api/admin/outbox/parked");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.<List<String>>json("$.items[*].id")).contains(poison);
        var shown = admin.get("/api/admin/outbox/parked/" + poison);
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.<String>json("$.eventType")).isEqualTo("note.created");
        assertThat(shown.<Integer>json("$.envelopeBytes")).isGreaterThan(1_000_000);
        assertThat(shown.<String>json("$.reason")).contains("RecordTooLargeException");
        assertThat(api.get("/api/admin/outbox/parked").status())
                .as("not for a tenant's users")
                .isEqualTo(403);
        assertThat(Api.at(port).get("/api/admin/outbox/parked").status()).isEqualTo(401);

        // The fix: the operator shortens the data the event carries, then puts it back in line.
        jdbc.sql("update outbox_event set envelope = replace(envelope, ?, 'shortened') where id = ?::uuid")
                .param(TOO_LARGE)
                .param(poison)
                .update();
        assertThat(admin.post("/api/admin/outbox/parked/" + poison + "/requeue", "")
                        .status())
                .isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).until(() -> received.containsKey(poison));
        assertThat(published(poison)).isTrue();
        assertThat(admin.post("/api/admin/outbox/parked/" + poison + "/requeue", "")
                        .status())
                .as("no longer parked")
                .isEqualTo(404);
        assertThat(admin.get("/api/admin/outbox/parked/" + UUID.randomUUID()).status())
                .isEqualTo(404);
    }

    @Test
    void aFailedTransactionLeavesNeitherTheRowNorItsEvent() {
        long eventsBefore =
                jdbc.sql("select count(*) from outbox_event").query(Long.class).single();

        assertThatThrownBy(() -> notes.createThenFail(tenant, "doomed")).isInstanceOf(IllegalStateException.class);

        assertThat(notesOfTenant()).isZero();
        assertThat(jdbc.sql("select count(*) from outbox_event")
                        .query(Long.class)
                        .single())
                .isEqualTo(eventsBefore);
    }

    @Test
    void appendingOutsideATransactionIsRefused() {
        var event = EventEnvelope.create("note.created", tenant, null, null, Map.of());

        assertThatThrownBy(() -> outbox.append(NoteService.TOPIC, event)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aContractEventGoesToItsTypesTopicUnderItsTypesKey() {
        var user = EventEnvelope.of(
                UserEvent.UPDATED, tenant, null, "outbox-it", new UserEvent.Payload("u-1", "יוסי", "agent", true));
        var task = EventSamples.of(TaskEvent.DUE);
        transactions.executeWithoutResult(status -> {
            outbox.append(user);
            outbox.append(task);
        });

        assertThat(topicAndKey(user)).isEqualTo(Topics.CRM_USER + " u-1");
        assertThat(topicAndKey(task)).isEqualTo(Topics.TASKS_TASK + " " + EventSamples.CUSTOMER);
        var outside = EventEnvelope.create("note.created", tenant, null, null, Map.of());
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> outbox.append(outside)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("note.created");
    }

    private String topicAndKey(EventEnvelope event) {
        return jdbc.sql("select topic || ' ' || event_key from outbox_event where id = ?")
                .param(event.id())
                .query(String.class)
                .single();
    }

    private int writeNote(String text) {
        return api.post("/test/notes", "{\"text\":\"" + text + "\"}").status();
    }

    private String eventIdOfNote(UUID noteId) {
        return jdbc.sql(
                        "select id::text from outbox_event where tenant_id = ? and envelope::json -> 'payload' ->> 'noteId' = ?")
                .param(tenant)
                .param(noteId.toString())
                .query(String.class)
                .single();
    }

    private boolean isParked(String eventId) {
        return jdbc.sql("select parked_at is not null from outbox_event where id = ?::uuid")
                .param(eventId)
                .query(Boolean.class)
                .single();
    }

    private boolean published(String eventId) {
        return jdbc.sql("select published_at is not null from outbox_event where id = ?::uuid")
                .param(eventId)
                .query(Boolean.class)
                .single();
    }

    private List<String> idsInWriteOrder() {
        return jdbc.sql("select id::text from outbox_event where tenant_id = ? order by seq")
                .param(tenant)
                .query(String.class)
                .list();
    }

    private long notesOfTenant() {
        return jdbc.sql("select count(*) from note where tenant_id = ?")
                .param(tenant)
                .query(Long.class)
                .single();
    }

    private long unpublished() {
        return jdbc.sql("select count(*) from outbox_event where tenant_id = ? and published_at is null")
                .param(tenant)
                .query(Long.class)
                .single();
    }

    private long parked() {
        return jdbc.sql("select count(*) from outbox_event where tenant_id = ? and parked_at is not null")
                .param(tenant)
                .query(Long.class)
                .single();
    }

    private int mostAttempts() {
        return jdbc.sql("select coalesce(max(attempts), 0) from outbox_event where tenant_id = ?")
                .param(tenant)
                .query(Integer.class)
                .single();
    }
}
