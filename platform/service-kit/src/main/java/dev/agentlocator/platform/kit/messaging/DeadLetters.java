package dev.agentlocator.platform.kit.messaging;

import dev.agentlocator.platform.events.Topics;
import dev.agentlocator.platform.kit.logging.Correlation;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.GenericMessageListener;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * This service's dead letters: the records each of its consumer groups parked on its own
 * dead-letter topic, plus, for records parked before ADR 0014, the group's records in the shared
 * {@code <topic>.DLT}. A replay hands the original record (topic, partition, offset, key, value,
 * headers) to the very listener of the group that failed it, in this process: no other service
 * sees it again, and the handler's idempotence (processed event ids) makes a second replay, or a
 * replay of an event that did get through, change nothing.
 */
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration READ_AT_MOST = Duration.ofSeconds(30);
    private static final int MAX_MESSAGE_LENGTH = 1_000;
    private static final String DLT_HEADER_PREFIX = "kafka_dlt-";

    /** A dead letter with what the list leaves out: the record's value and the failure's stack trace. */
    public record Detail(DeadLetter letter, String value, String stackTrace) {}

    /** What replaying one dead letter did: {@code replayed}, or {@code failed} with the error. */
    public record Replay(String topic, int partition, long offset, UUID eventId, String outcome, String error) {
        static final String FAILED = "failed";

        boolean succeeded() {
            return DeadLetter.REPLAYED.equals(outcome);
        }
    }

    /** A consumer group of this service reading a topic through one listener container. */
    private record Consumption(String group, String topic, MessageListenerContainer container) {}

    /** A topic holding a consumption's dead letters; the shared one of before ADR 0014 holds every group's. */
    private record Source(String topic, Consumption consumption, boolean shared) {
        boolean holds(ConsumerRecord<String, String> record) {
            return !shared || consumption.group().equals(text(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP));
        }
    }

    private record Located(ConsumerRecord<String, String> record, Source source) {}

    private record Position(String topic, int partition, long offset) {}

    private record Handled(String outcome, OffsetDateTime at) {}

    private final KafkaListenerEndpointRegistry listeners;
    private final ConsumerFactory<?, ?> consumers;
    private final JdbcClient jdbc;

    public DeadLetters(KafkaListenerEndpointRegistry listeners, ConsumerFactory<?, ?> consumers, JdbcClient jdbc) {
        this.listeners = listeners;
        this.consumers = consumers;
        this.jdbc = jdbc;
    }

    /** Every dead letter of this service, oldest first. */
    public List<DeadLetter> list() {
        List<Located> letters = readAll();
        Map<Position, Handled> handled = handled(letters);
        return letters.stream().map(l -> view(l, handled)).toList();
    }

    public Optional<Detail> find(String topic, int partition, long offset) {
        return locate(topic, partition, offset)
                .map(l -> new Detail(
                        view(l, handled(List.of(l))),
                        l.record().value(),
                        text(l.record(), KafkaHeaders.DLT_EXCEPTION_STACKTRACE)));
    }

    /** Runs the dead letter through its group's listener again; empty when there is no such letter. */
    public Optional<Replay> replay(String topic, int partition, long offset) {
        return locate(topic, partition, offset).map(this::redrive);
    }

    /** Replays every pending dead letter, oldest first, whatever becomes of the others. */
    public List<Replay> replayPending() {
        List<Located> letters = readAll();
        Map<Position, Handled> handled = handled(letters);
        return letters.stream()
                .filter(l -> !handled.containsKey(positionOf(l.record())))
                .map(this::redrive)
                .toList();
    }

    /**
     * Marks a dead letter as dealt with without replaying it (a record no handler will ever
     * accept, kept for the record); a replayed one stays replayed.
     *
     * @return whether the dead letter exists
     */
    public boolean dismiss(String topic, int partition, long offset) {
        Optional<Located> letter = locate(topic, partition, offset);
        letter.ifPresent(l -> {
            mark(l, DeadLetter.DISMISSED, false);
            log.info("Dismissed dead letter {}-{}@{} (event {})", topic, partition, offset, eventId(l.record()));
        });
        return letter.isPresent();
    }

    private Replay redrive(Located letter) {
        ConsumerRecord<String, String> dead = letter.record();
        UUID eventId = eventId(dead);
        Object listener = letter.source()
                .consumption()
                .container()
                .getContainerProperties()
                .getMessageListener();
        String error;
        if (listener instanceof BatchMessageListener<?, ?> || !(listener instanceof GenericMessageListener<?>)) {
            error = "the listener of group " + letter.source().consumption().group() + " does not take single records";
        } else {
            String correlation = text(dead, Correlation.KAFKA_HEADER);
            if (correlation != null) {
                MDC.put(Correlation.MDC_KEY, correlation);
            }
            try {
                deliver((GenericMessageListener<?>) listener, original(letter));
                mark(letter, DeadLetter.REPLAYED, true);
                log.info(
                        "Replayed dead letter {}-{}@{} (event {}) through consumer group {}",
                        dead.topic(),
                        dead.partition(),
                        dead.offset(),
                        eventId,
                        letter.source().consumption().group());
                return new Replay(dead.topic(), dead.partition(), dead.offset(), eventId, DeadLetter.REPLAYED, null);
            } catch (RuntimeException e) {
                error = rootCause(e);
                log.warn(
                        "Replaying dead letter {}-{}@{} (event {}) failed again: {}",
                        dead.topic(),
                        dead.partition(),
                        dead.offset(),
                        eventId,
                        error);
            } finally {
                MDC.remove(Correlation.MDC_KEY);
            }
        }
        return new Replay(dead.topic(), dead.partition(), dead.offset(), eventId, Replay.FAILED, error);
    }

    /** The container calls the same method with the same arguments for a record it polled. */
    @SuppressWarnings("unchecked")
    private static void deliver(GenericMessageListener<?> listener, ConsumerRecord<String, String> record) {
        ((GenericMessageListener<ConsumerRecord<String, String>>) listener).onMessage(record, null, null);
    }

    /** The record as the group first received it, without the dead-letter headers. */
    private static ConsumerRecord<String, String> original(Located letter) {
        ConsumerRecord<String, String> dead = letter.record();
        String topic = text(dead, KafkaHeaders.DLT_ORIGINAL_TOPIC);
        byte[] partition = bytes(dead, KafkaHeaders.DLT_ORIGINAL_PARTITION);
        byte[] offset = bytes(dead, KafkaHeaders.DLT_ORIGINAL_OFFSET);
        var original = new ConsumerRecord<>(
                topic != null ? topic : letter.source().consumption().topic(),
                partition != null ? ByteBuffer.wrap(partition).getInt() : 0,
                offset != null ? ByteBuffer.wrap(offset).getLong() : -1,
                dead.key(),
                dead.value());
        for (Header header : dead.headers()) {
            if (!header.key().startsWith(DLT_HEADER_PREFIX)) {
                original.headers().add(header);
            }
        }
        return original;
    }

    private void mark(Located letter, String outcome, boolean overrule) {
        ConsumerRecord<String, String> dead = letter.record();
        jdbc.sql("""
                        insert into dead_letter_replay (dlt_topic, dlt_partition, dlt_offset, event_id, outcome)
                        values (?, ?, ?, ?, ?)
                        on conflict (dlt_topic, dlt_partition, dlt_offset) do update
                            set outcome = excluded.outcome, handled_at = now()
                            where ?
                        """)
                .params(dead.topic(), dead.partition(), dead.offset(), eventId(dead), outcome, overrule)
                .update();
    }

    private Map<Position, Handled> handled(List<Located> letters) {
        if (letters.isEmpty()) {
            return Map.of();
        }
        String[] topics =
                letters.stream().map(l -> l.record().topic()).distinct().toArray(String[]::new);
        Map<Position, Handled> handled = new HashMap<>();
        jdbc.sql("""
                        select dlt_topic, dlt_partition, dlt_offset, outcome, handled_at
                        from dead_letter_replay where dlt_topic = any(?)
                        """).param(topics).query(rs -> {
            handled.put(
                    new Position(rs.getString(1), rs.getInt(2), rs.getLong(3)),
                    new Handled(rs.getString(4), rs.getObject(5, OffsetDateTime.class)));
        });
        return handled;
    }

    private DeadLetter view(Located letter, Map<Position, Handled> handled) {
        ConsumerRecord<String, String> dead = letter.record();
        Handled done = handled.get(positionOf(dead));
        byte[] partition = bytes(dead, KafkaHeaders.DLT_ORIGINAL_PARTITION);
        byte[] offset = bytes(dead, KafkaHeaders.DLT_ORIGINAL_OFFSET);
        String cause = text(dead, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN);
        String message = text(dead, KafkaHeaders.DLT_EXCEPTION_MESSAGE);
        return new DeadLetter(
                dead.topic(),
                dead.partition(),
                dead.offset(),
                text(dead, KafkaHeaders.DLT_ORIGINAL_TOPIC),
                partition != null ? ByteBuffer.wrap(partition).getInt() : null,
                offset != null ? ByteBuffer.wrap(offset).getLong() : null,
                letter.source().consumption().group(),
                dead.key(),
                eventId(dead),
                text(dead, "eventType"),
                cause != null ? cause : text(dead, KafkaHeaders.DLT_EXCEPTION_FQCN),
                message != null && message.length() > MAX_MESSAGE_LENGTH
                        ? message.substring(0, MAX_MESSAGE_LENGTH) + "…"
                        : message,
                Instant.ofEpochMilli(dead.timestamp()).atOffset(ZoneOffset.UTC),
                done == null ? DeadLetter.PENDING : done.outcome(),
                done == null ? null : done.at());
    }

    /** The dead letter at that position, if it is one of this service's. */
    private Optional<Located> locate(String topic, int partition, long offset) {
        try (var consumer = consumer()) {
            List<Source> candidates = sources(consumer).stream()
                    .filter(s -> s.topic().equals(topic))
                    .toList();
            if (candidates.isEmpty() || partition < 0 || offset < 0) {
                return Optional.empty();
            }
            var tp = new TopicPartition(topic, partition);
            if (consumer.partitionsFor(topic, KAFKA_TIMEOUT).stream().noneMatch(p -> p.partition() == partition)) {
                return Optional.empty();
            }
            consumer.assign(List.of(tp));
            if (offset >= consumer.endOffsets(List.of(tp), KAFKA_TIMEOUT).get(tp)) {
                return Optional.empty();
            }
            consumer.seek(tp, offset);
            long deadline = System.nanoTime() + READ_AT_MOST.toNanos();
            while (System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() >= offset) {
                        return record.offset() == offset
                                ? candidates.stream()
                                        .filter(s -> s.holds(record))
                                        .findFirst()
                                        .map(s -> new Located(record, s))
                                : Optional.empty();
                    }
                }
            }
            throw new IllegalStateException("Reading " + tp + "@" + offset + " took longer than " + READ_AT_MOST);
        }
    }

    private List<Located> readAll() {
        List<Located> letters = new ArrayList<>();
        try (var consumer = consumer()) {
            for (Source source : sources(consumer)) {
                for (var record : readTopic(consumer, source.topic())) {
                    if (source.holds(record)) {
                        letters.add(new Located(record, source));
                    }
                }
            }
        }
        letters.sort(Comparator.comparingLong((Located l) -> l.record().timestamp())
                .thenComparing(l -> l.record().topic())
                .thenComparingLong(l -> l.record().offset()));
        return letters;
    }

    private static List<ConsumerRecord<String, String>> readTopic(
            KafkaConsumer<String, String> consumer, String topic) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, KAFKA_TIMEOUT).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, KAFKA_TIMEOUT);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        long deadline = System.nanoTime() + READ_AT_MOST.toNanos();
        while (partitions.stream().anyMatch(tp -> consumer.position(tp, KAFKA_TIMEOUT) < end.get(tp))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Reading " + topic + " took longer than " + READ_AT_MOST);
            }
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return records;
    }

    /** Where this service's groups keep dead letters, as far as those topics exist. */
    private List<Source> sources(KafkaConsumer<String, String> consumer) {
        Map<String, List<PartitionInfo>> existing = consumer.listTopics(KAFKA_TIMEOUT);
        List<Source> sources = new ArrayList<>();
        for (Consumption consumption : consumptions()) {
            String own = Topics.deadLetterOf(consumption.topic(), consumption.group());
            if (existing.containsKey(own)) {
                sources.add(new Source(own, consumption, false));
            }
            String shared = consumption.topic() + Topics.DEAD_LETTER_SUFFIX;
            if (existing.containsKey(shared)) {
                sources.add(new Source(shared, consumption, true));
            }
        }
        return sources;
    }

    private List<Consumption> consumptions() {
        List<Consumption> consumptions = new ArrayList<>();
        for (MessageListenerContainer container : listeners.getListenerContainers()) {
            String group = container.getGroupId();
            String[] topics = container.getContainerProperties().getTopics();
            if (group == null || topics == null) {
                continue;
            }
            for (String topic : topics) {
                consumptions.add(new Consumption(group, topic, container));
            }
        }
        return consumptions;
    }

    private KafkaConsumer<String, String> consumer() {
        Map<String, Object> props = new HashMap<>(consumers.getConfigurationProperties());
        // Reads by assignment and commits nothing: it must not join, or move, any group's offsets.
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "dead-letters-" + UUID.randomUUID());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return new KafkaConsumer<>(props);
    }

    private static Position positionOf(ConsumerRecord<String, String> record) {
        return new Position(record.topic(), record.partition(), record.offset());
    }

    private static UUID eventId(ConsumerRecord<String, String> record) {
        String id = text(record, "eventId");
        try {
            return id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] bytes(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : header.value();
    }

    private static String text(ConsumerRecord<String, String> record, String name) {
        byte[] value = bytes(record, name);
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }
}
