package dev.agentlocator.platform.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.agentlocator.platform.events.EventEnvelope;
import dev.agentlocator.platform.kit.messaging.DeadLetter;
import dev.agentlocator.platform.kit.messaging.DeadLetters;
import dev.agentlocator.platform.kit.testapp.NoteService;
import dev.agentlocator.testkit.DatabaseThroughProxy;
import dev.agentlocator.testkit.ServiceIntegrationTest;
import dev.agentlocator.testkit.infra.TcpProxy;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.utils.ContainerTestUtils;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service's database goes away for 20 s under a running consumer, as in a failover, while
 * events keep arriving. Hikari gives up on a connection after 1 s here, so each attempt fails fast
 * and only the back-off between attempts carries the records through (with the services' 30 s
 * connection timeout an attempt would simply wait longer).
 */
@ServiceIntegrationTest
@DatabaseThroughProxy
@TestPropertySource(
        properties = {
            "spring.datasource.hikari.connection-timeout=1000",
            "spring.datasource.hikari.validation-timeout=500",
        })
class DatabaseOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(20);

    @Autowired
    TcpProxy database;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DeadLetters deadLetters;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    MeterRegistry meters;

    @Test
    void eventsThatArriveWhileTheDatabaseIsDownAreAppliedOnceItIsBackAndNoneIsDeadLettered() throws Exception {
        ContainerTestUtils.waitForAssignment(listeners.getListenerContainer("note-listener"), 3);
        UUID tenant = UUID.randomUUID();
        List<UUID> events = new ArrayList<>();

        database.cut();
        try {
            for (int i = 0; i < 5; i++) {
                var event = EventEnvelope.create(
                        "note.created", tenant, UUID.randomUUID(), null, Map.of("text", "during the outage " + i));
                var record =
                        new ProducerRecord<>(NoteService.TOPIC, event.partitionKey(), json.writeValueAsString(event));
                record.headers().add("eventId", event.id().toString().getBytes(StandardCharsets.UTF_8));
                kafka.send(record).get();
                events.add(event.id());
            }
            await("the handler failing while the database is away")
                    .atMost(OUTAGE)
                    .until(() -> failedDeliveries() > 0);
            Thread.sleep(OUTAGE.toMillis());
        } finally {
            database.restore();
        }

        await().atMost(Duration.ofSeconds(90))
                .ignoreExceptions() // the test's own queries need the pool to reconnect first
                .until(() -> events.stream().allMatch(id -> handled(id) == 1));
        Thread.sleep(2_000); // a second application, had there been one, would show by now
        assertThat(events)
                .allSatisfy(id -> assertThat(handled(id)).as("applied once").isEqualTo(1));
        assertThat(deadLetters.list())
                .extracting(DeadLetter::eventId)
                .as("dead letters")
                .doesNotContainAnyElementsOf(events);
    }

    private double failedDeliveries() {
        return meters.find("spring.kafka.listener").tag("result", "failure").timers().stream()
                .mapToDouble(timer -> timer.count())
                .sum();
    }

    private long handled(UUID eventId) {
        return jdbc.sql("select count(*) from handled_note where event_id = ?")
                .param(eventId)
                .query(Long.class)
                .single();
    }
}
