package dev.agentlocator.notification.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.notification.StompTestClient;
import dev.agentlocator.notification.TaskEvents;
import dev.agentlocator.platform.events.EventEnvelope;
import dev.agentlocator.platform.events.Topics;
import dev.agentlocator.testkit.ServiceIntegrationTest;
import dev.agentlocator.testkit.TestInfrastructure;
import dev.agentlocator.testkit.TestJwt;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.utils.ContainerTestUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alerts fire while notification-service is down: the events are on Kafka before this class's
 * service starts (static set-up runs before Spring builds the context). A tab that connects once
 * it is up gets the alert that still stands, once; not the alert of a task done or snoozed
 * meanwhile, nor one that fired longer ago than the replay window.
 */
@ServiceIntegrationTest
class MissedAlertsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final UUID TENANT = UUID.randomUUID();
    private static final UUID DANA = UUID.randomUUID();

    private static EventEnvelope stillDue;

    @LocalServerPort
    int port;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JsonMapper json;

    @BeforeAll
    static void alertsFireWhileTheServiceIsDown() throws Exception {
        var now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        var props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (var producer = new KafkaProducer<String, String>(props)) {
            UUID done = UUID.randomUUID();
            send(producer, taskEvent("task.due", done, "נסגרה בינתיים", "open", now, now));
            send(producer, taskEvent("task.completed", done, "נסגרה בינתיים", "done", now, now));
            UUID snoozed = UUID.randomUUID();
            send(producer, taskEvent("task.due", snoozed, "נדחתה בינתיים", "open", now, now));
            send(producer, taskEvent("task.snoozed", snoozed, "נדחתה בינתיים", "open", now.plusMinutes(10), now));
            UUID stale = UUID.randomUUID();
            var longAgo = now.minusMinutes(10);
            send(producer, taskEvent("task.due", stale, "ישנה מדי", "open", longAgo, longAgo));
            stillDue = taskEvent("task.due", UUID.randomUUID(), "עדיין ממתינה", "open", now, now);
            send(producer, stillDue);
            producer.flush();
        }
    }

    @Test
    void aTabThatConnectsOnceTheServiceIsBackGetsTheAlertThatStillStandsOnce() throws Exception {
        ContainerTestUtils.waitForAssignment(listeners.getListenerContainer(RealtimeTaskDueListener.LISTENER_ID), 3);

        var tab = StompTestClient.connect(port, TestJwt.token(DANA, TENANT, "agent"));
        var missed = tab.received().poll(10, TimeUnit.SECONDS);
        assertThat(missed).as("the alert that fired while the service was down").isNotNull();
        assertThat(missed.payload())
                .containsEntry("type", "task:due")
                .containsEntry("notificationId", stillDue.id().toString())
                .containsEntry("title", "עדיין ממתינה");
        assertThat(tab.received().poll(2, TimeUnit.SECONDS))
                .as("nothing else: not the done, snoozed or stale ones, and nothing twice")
                .isNull();

        var secondTab = StompTestClient.connect(port, TestJwt.token(DANA, TENANT, "agent"));
        var again = secondTab.received().poll(10, TimeUnit.SECONDS);
        assertThat(again).isNotNull();
        assertThat(again.payload())
                .containsEntry("notificationId", stillDue.id().toString());

        var live = TaskEvents.due(kafka, json, TENANT, DANA, null, "חדשה");
        for (var open : new StompTestClient.Connection[] {tab, secondTab}) {
            var next = open.received().poll(5, TimeUnit.SECONDS);
            assertThat(next).as("a new alert, live").isNotNull();
            assertThat(next.payload())
                    .containsEntry("notificationId", live.event().id().toString());
            assertThat(open.received().poll(1, TimeUnit.SECONDS)).isNull();
            open.close();
        }
    }

    @Test
    void anotherUserGetsNoneOfThem() throws Exception {
        ContainerTestUtils.waitForAssignment(listeners.getListenerContainer(RealtimeTaskDueListener.LISTENER_ID), 3);

        var colleague = StompTestClient.connect(port, TestJwt.token(UUID.randomUUID(), TENANT, "agent"));
        var sameUserIdElsewhere = StompTestClient.connect(port, TestJwt.token(DANA, UUID.randomUUID(), "agent"));

        assertThat(colleague.received().poll(3, TimeUnit.SECONDS)).isNull();
        assertThat(sameUserIdElsewhere.received().poll(100, TimeUnit.MILLISECONDS))
                .isNull();
        colleague.close();
        sameUserIdElsewhere.close();
    }

    private static EventEnvelope taskEvent(
            String type, UUID taskId, String title, String status, OffsetDateTime dueAt, OffsetDateTime occurredAt) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("taskId", taskId.toString());
        payload.put("title", title);
        payload.put("status", status);
        payload.put("assigneeId", DANA.toString());
        payload.put("dueAt", dueAt.toString());
        return new EventEnvelope(UUID.randomUUID(), type, 1, TENANT, null, occurredAt, "test-" + taskId, payload);
    }

    private static void send(KafkaProducer<String, String> producer, EventEnvelope event) throws Exception {
        var record = new ProducerRecord<>(Topics.TASKS_TASK, event.partitionKey(), JSON.writeValueAsString(event));
        record.headers().add("eventType", event.type().getBytes(StandardCharsets.UTF_8));
        record.headers().add("eventId", event.id().toString().getBytes(StandardCharsets.UTF_8));
        producer.send(record).get();
    }
}
