package dev.agentlocator.systemtests;

import dev.agentlocator.platform.events.EventEnvelope;
import dev.agentlocator.testkit.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Reads a whole topic as a downstream service would, and publishes events as a producer would. */
final class Topic {

    /**
     * Every matching record of {@code topic} from its beginning: waits up to {@code timeout} for at
     * least {@code expected}, then keeps reading for {@code settle} so that duplicates show.
     */
    static List<ConsumerRecord<String, String>> readAll(
            String topic,
            Predicate<ConsumerRecord<String, String>> matches,
            int expected,
            Duration timeout,
            Duration settle) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "system-tests-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        long settledAt = Long.MAX_VALUE;
        try (var consumer = new KafkaConsumer<String, String>(props)) {
            consumer.subscribe(List.of(topic));
            while (System.nanoTime() < Math.min(deadline, settledAt)) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    if (matches.test(record)) {
                        found.add(record);
                    }
                }
                if (found.size() >= expected && settledAt == Long.MAX_VALUE) {
                    settledAt = System.nanoTime() + settle.toNanos();
                }
            }
        }
        return found;
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Publishes envelopes as a service's outbox relay does: keyed by customer, with type and id headers. */
    static void publish(String topic, List<EventEnvelope> events) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        try (var producer = new KafkaProducer<String, String>(props)) {
            for (EventEnvelope event : events) {
                var record = new ProducerRecord<>(topic, event.partitionKey(), OpenApi.JSON.writeValueAsString(event));
                record.headers().add("eventType", event.type().getBytes(StandardCharsets.UTF_8));
                record.headers().add("eventId", event.id().toString().getBytes(StandardCharsets.UTF_8));
                producer.send(record);
            }
            producer.flush();
        }
    }

    private Topic() {}
}
