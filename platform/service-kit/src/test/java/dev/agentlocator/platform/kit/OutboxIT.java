package dev.agentlocator.platform.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.agentlocator.platform.events.EventEnvelope;
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

@ServiceIntegrationTest
class OutboxIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    NoteService notes;

    @Autowired
    Outbox outbox;

    private final UUID tenant = UUID.randomUUID();
    private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
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
    void eventsWrittenWhileKafkaIsDownArriveExactlyOnceWhenItComesBack() throws InterruptedException {
        KafkaServer kafka = TestInfrastructure.embeddedKafka();
        assertThat(writeNote("before the outage")).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() == 1);

        kafka.stop();
        for (int i = 0; i < 20; i++) {
            assertThat(writeNote("during the outage " + i)).isEqualTo(201);
        }
        assertThat(notesOfTenant()).isEqualTo(21);
        Thread.sleep(1_000);
        assertThat(unpublished()).isEqualTo(20);
        assertThat(received).hasSize(1);

        kafka.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> received.size() == 21);
        await().atMost(Duration.ofSeconds(10)).until(() -> unpublished() == 0);
        Thread.sleep(2_000); // a duplicate, if the relay sent one, would show up by now
        assertThat(received.values())
                .allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
        assertThat(received).hasSize(21);
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

    private int writeNote(String text) {
        return api.post("/test/notes", "{\"text\":\"" + text + "\"}").status();
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
}
