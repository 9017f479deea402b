package dev.agentlocator.platform.kit.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.support.KafkaUtils;

/**
 * Parks a record its consumer gave up on in the dead-letter topic of that consumer's group (with
 * Spring's {@code kafka_dlt-*} headers: original topic, partition, offset, group, exception), says
 * so in the log with the event's id, and counts it in {@code agentlocator_dead_letters_total}. If the
 * dead letter cannot be written, the exception goes back to the error handler, which starts the
 * record's retries over: a record is never dropped.
 */
class DeadLetterRecoverer implements ConsumerAwareRecordRecoverer {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRecoverer.class);

    private final DeadLetterPublishingRecoverer publisher;
    private final MeterRegistry meters;

    DeadLetterRecoverer(KafkaTemplate<String, String> kafka, DeadLetterTopics topics, MeterRegistry meters) {
        this.publisher = new DeadLetterPublishingRecoverer(
                kafka, (record, e) -> new TopicPartition(topics.ensure(record.topic(), group()), -1));
        this.meters = meters;
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception exception) {
        publisher.accept(record, consumer, exception);
        meters.counter("agentlocator.dead.letters", "topic", record.topic(), "group", group())
                .increment();
        log.error(
                "Dead-lettered event {} (type {}) of {}-{}@{} for consumer group {}: {}."
                        + " Replay it once the cause is fixed (docs/operations.md)",
                header(record, "eventId"),
                header(record, "eventType"),
                record.topic(),
                record.partition(),
                record.offset(),
                group(),
                rootCause(exception));
    }

    /** Set by the listener container on its consumer thread, where recovery runs. */
    private static String group() {
        return Objects.requireNonNull(KafkaUtils.getConsumerGroupId(), "recovery outside a listener container");
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "?" : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }
}
