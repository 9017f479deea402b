package dev.agentlocator.platform.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.agentlocator.platform.events.EventEnvelope;
import dev.agentlocator.platform.events.Topics;
import dev.agentlocator.platform.kit.testapp.NoteService;
import dev.agentlocator.testkit.ServiceIntegrationTest;
import dev.agentlocator.testkit.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

@ServiceIntegrationTest
class IdempotentConsumerIT {

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Value("${spring.kafka.consumer.group-id}")
    String group;

    @Test
    void theSameEventDeliveredTwiceIsHandledOnce() throws Exception {
        var event = EventEnvelope.create("note.created", UUID.randomUUID(), null, null, Map.of("text", "twice"));
        String value = json.writeValueAsString(event);

        kafka.send(NoteService.TOPIC, event.partitionKey(), value).get();
        kafka.send(NoteService.TOPIC, event.partitionKey(), value).get();
        var marker = EventEnvelope.create("note.created", event.tenantId(), null, null, Map.of("text", "after"));
        kafka.send(NoteService.TOPIC, marker.partitionKey(), json.writeValueAsString(marker))
                .get();

        await().atMost(Duration.ofSeconds(30)).until(() -> handled(marker.id()) == 1);
        assertThat(handled(event.id())).isEqualTo(1);
    }

    @Test
    void unknownFieldsAndEventTypesDoNotBreakTheConsumer() throws Exception {
        var event = EventEnvelope.create("note.reshaped", UUID.randomUUID(), null, null, Map.of("text", "future"));
        String value = json.writeValueAsString(event).replaceFirst("\\{", "{\"fieldFromTheFuture\":42,");

        kafka.send(NoteService.TOPIC, event.partitionKey(), value).get();

        await().atMost(Duration.ofSeconds(30)).until(() -> handled(event.id()) == 1);
    }

    /** Retries would take a minute (the default budget): a poison record skips them. */
    @Test
    void aPoisonMessageGoesToItsGroupsDeadLetterTopicAtOnceAndTheNextOneIsStillHandled() throws Exception {
        String poison = "this is not an event " + UUID.randomUUID();
        kafka.send(NoteService.TOPIC, "k", poison).get();
        var next = EventEnvelope.create("note.created", UUID.randomUUID(), null, null, Map.of("text", "next"));
        kafka.send(NoteService.TOPIC, next.partitionKey(), json.writeValueAsString(next))
                .get();

        await().atMost(Duration.ofSeconds(15)).until(() -> handled(next.id()) == 1);
        await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> deadLetters(Topics.deadLetterOf(NoteService.TOPIC, group)),
                        values -> values.contains(poison));
        assertThat(deadLetters(NoteService.TOPIC + ".DLT"))
                .as("the shared dead-letter topic of before, which mixed every group's")
                .doesNotContain(poison);
    }

    @Test
    void theProducersCorrelationIdIsOnTheConsumersContext() throws Exception {
        var event = EventEnvelope.create("note.created", UUID.randomUUID(), null, "corr-777", Map.of("text", "c"));
        var record = new ProducerRecord<>(NoteService.TOPIC, event.partitionKey(), json.writeValueAsString(event));
        record.headers().add("correlationId", "corr-777".getBytes(StandardCharsets.UTF_8));

        kafka.send(record).get();

        await().atMost(Duration.ofSeconds(30)).until(() -> handled(event.id()) == 1);
        assertThat(jdbc.sql("select correlation_id from handled_note where event_id = ?")
                        .param(event.id())
                        .query(String.class)
                        .single())
                .isEqualTo("corr-777");
    }

    private long handled(UUID eventId) {
        return jdbc.sql("select count(*) from handled_note where event_id = ?")
                .param(eventId)
                .query(Long.class)
                .single();
    }

    private List<String> deadLetters(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<String> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(props)) {
            consumer.subscribe(List.of(topic));
            long end = System.currentTimeMillis() + 3_000;
            while (System.currentTimeMillis() < end) {
                consumer.poll(Duration.ofMillis(300)).forEach(r -> values.add(r.value()));
            }
        }
        return values;
    }
}
