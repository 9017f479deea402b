package dev.agentlocator.timeline.rebuild;

import dev.agentlocator.platform.events.EventEnvelope;
import dev.agentlocator.platform.events.Topics;
import dev.agentlocator.platform.kit.errors.ApiException;
import dev.agentlocator.platform.kit.messaging.EventReader;
import dev.agentlocator.platform.kit.messaging.PoisonEventException;
import dev.agentlocator.timeline.TimelineProperties;
import dev.agentlocator.timeline.projection.TimelineProjector;
import dev.agentlocator.timeline.projection.TimelineProjector.Outcome;
import dev.agentlocator.timeline.rebuild.RebuildRepository.Counts;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drops the projections and rebuilds them by replaying every domain topic from its beginning.
 *
 * <p>The live listener of this instance is stopped for the replay and restarted after it, so it
 * resumes from its own committed offsets: whatever it finds then was either replayed (its
 * processed mark makes it a no-op) or is newer (applied as usual). The replay reads with a
 * consumer group of its own that never commits, up to the end offsets seen at the start. See
 * docs/adr/0005-timeline-events.md.
 *
 * <p>The state lives in the database ({@link RebuildRepository}), not in this instance: behind the
 * gateway any instance answers the status, and a second start while one runs is refused by every
 * instance. The running instance renews its lease with each progress report; an instance that dies
 * mid-rebuild leaves a lapsed lease, reported as failed, which the next start takes over (ADR 0026).
 */
@Service
public class RebuildService {

    private static final Logger log = LoggerFactory.getLogger(RebuildService.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(1);

    private final TimelineProjector projector;
    private final EventReader reader;
    private final KafkaProperties kafka;
    private final KafkaListenerEndpointRegistry listeners;
    private final TransactionTemplate transactions;
    private final TimelineProperties properties;
    private final RebuildRepository state;
    private final String instance = instanceName();

    private volatile long lastReport;
    private final AtomicLong read = new AtomicLong();
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile Map<String, Long> lag = Map.of();

    RebuildService(
            TimelineProjector projector,
            EventReader reader,
            KafkaProperties kafka,
            KafkaListenerEndpointRegistry listeners,
            TransactionTemplate transactions,
            TimelineProperties properties,
            RebuildRepository state) {
        this.state = state;
        this.projector = projector;
        this.reader = reader;
        this.kafka = kafka;
        this.listeners = listeners;
        this.transactions = transactions;
        this.properties = properties;
    }

    /**
     * Starts a rebuild in the background on this instance.
     *
     * @throws ApiException 409 while one is running on any instance
     */
    public synchronized RebuildStatus start() {
        UUID run = UUID.randomUUID();
        if (!state.claim(run, instance, properties.rebuildLease())) {
            throw ApiException.conflict("rebuild_running", "בנייה מחדש של ציר הזמן כבר מתבצעת");
        }
        read.set(0);
        applied.set(0);
        skipped.set(0);
        failed.set(0);
        lag = Map.of();
        lastReport = System.nanoTime();
        var worker = new Thread(() -> run(run), "timeline-rebuild");
        worker.setDaemon(true);
        worker.start();
        return current();
    }

    /** The rebuild's state as stored, whichever instance runs it. */
    public RebuildStatus current() {
        return state.current(properties.rebuildLease());
    }

    private void run(UUID run) {
        MessageListenerContainer live = listeners.getListenerContainer(TimelineProjector.LIVE_LISTENER);
        long started = System.nanoTime();
        try {
            if (live != null) {
                live.stop();
            }
            replay(run);
            state.finish(run, "finished", counts(), lag, null);
            double seconds = (System.nanoTime() - started) / 1e9;
            log.info(
                    "Timeline rebuild finished: {} records read, {} applied in {}s ({} events/s)",
                    read.get(),
                    applied.get(),
                    String.format("%.1f", seconds),
                    Math.round(read.get() / Math.max(seconds, 0.001)));
        } catch (LeaseLost e) {
            log.error("Timeline rebuild stopped: another instance took over its lapsed lease");
        } catch (RuntimeException e) {
            log.error("Timeline rebuild failed", e);
            state.finish(run, "failed", counts(), lag, String.valueOf(e.getMessage()));
        } finally {
            if (live != null) {
                live.start();
            }
        }
    }

    private void replay(UUID run) {
        Map<String, Object> config = new LinkedHashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "timeline-rebuild-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, properties.replayBatchSize());
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : Topics.DOMAIN_TOPICS) {
                consumer.partitionsFor(topic, Duration.ofSeconds(10))
                        .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            // Assigned, not subscribed: no rebalancing, and the live group's offsets stay untouched.
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            projector.erase();
            log.info("Timeline rebuild: projections erased; replaying {} partitions", partitions.size());
            updateLag(consumer, end, run);
            while (!caughtUp(consumer, end)) {
                var records = consumer.poll(POLL);
                List<Replayed> batch = new ArrayList<>(records.count());
                for (ConsumerRecord<String, String> record : records) {
                    if (record.offset()
                            >= end.getOrDefault(new TopicPartition(record.topic(), record.partition()), 0L)) {
                        continue; // newer than the snapshot: the live listener will apply it
                    }
                    read.incrementAndGet();
                    try {
                        batch.add(new Replayed(reader.read(record.value()), record.topic()));
                    } catch (PoisonEventException e) {
                        skipped.incrementAndGet();
                    }
                }
                apply(batch);
                updateLag(consumer, end, run);
            }
        }
    }

    /** One transaction per batch for speed; if it fails, each event alone so one bad event costs one. */
    private void apply(List<Replayed> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            List<Outcome> outcomes = transactions.execute(tx -> batch.stream()
                    .map(r -> projector.project(r.event(), r.topic()))
                    .toList());
            count(outcomes);
        } catch (RuntimeException batchFailure) {
            for (Replayed r : batch) {
                try {
                    count(List.of(projector.project(r.event(), r.topic())));
                } catch (RuntimeException e) {
                    failed.incrementAndGet();
                    log.warn(
                            "Rebuild could not apply event {} ({}): {}",
                            r.event().id(),
                            r.event().type(),
                            e.toString());
                }
            }
        }
    }

    private void count(List<Outcome> outcomes) {
        for (Outcome outcome : outcomes) {
            if (outcome == Outcome.APPLIED) {
                applied.incrementAndGet();
            } else {
                skipped.incrementAndGet();
            }
        }
    }

    private static boolean caughtUp(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private void updateLag(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end, UUID run) {
        Map<String, Long> byTopic = new LinkedHashMap<>();
        Topics.DOMAIN_TOPICS.forEach(t -> byTopic.put(t, 0L));
        end.forEach((tp, last) -> byTopic.merge(tp.topic(), Math.max(0, last - consumer.position(tp)), Long::sum));
        lag = Map.copyOf(byTopic);
        report(run);
    }

    /** Stores progress and renews the lease, at most about once a second. */
    private void report(UUID run) {
        long now = System.nanoTime();
        if (now - lastReport < REPORT_EVERY.toNanos()) {
            return;
        }
        lastReport = now;
        if (!state.progress(run, counts(), lag)) {
            throw new LeaseLost();
        }
    }

    private Counts counts() {
        return new Counts(read.get(), applied.get(), skipped.get(), failed.get());
    }

    private static String instanceName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown";
        }
        return host + "/" + ProcessHandle.current().pid();
    }

    /** This run's lease lapsed and another run took it: stop without touching the state. */
    private static final class LeaseLost extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LeaseLost() {
            super("lease lost", null, false, false);
        }
    }

    private record Replayed(EventEnvelope event, String topic) {}
}
