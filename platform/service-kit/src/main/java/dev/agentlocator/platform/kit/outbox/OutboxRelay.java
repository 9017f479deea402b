package dev.agentlocator.platform.kit.outbox;

import dev.agentlocator.platform.kit.logging.Correlation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes outbox rows to Kafka in commit order. One relay per database works at a time (a
 * PostgreSQL advisory lock), so per-customer order holds with any number of service instances.
 * Delivery is at-least-once: a crash between Kafka's acknowledgement and the row update sends the
 * event again, which is why consumers drop event ids they have seen.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** Arbitrary, fixed: the advisory lock key that makes a single relay active per database. */
    private static final long RELAY_LOCK = 0x6167656e746c6f63L;

    private static final Duration CLEANUP_EVERY = Duration.ofMinutes(10);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final KafkaTemplate<String, String> kafka;
    private final OutboxProperties properties;
    private final Counter published;
    private final Counter failures;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private boolean workPending;
    private volatile boolean running;
    private Thread thread;
    private Instant nextCleanup = Instant.now();

    public OutboxRelay(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            KafkaTemplate<String, String> kafka,
            OutboxProperties properties,
            MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.kafka = kafka;
        this.properties = properties;
        this.published = meters.counter("outbox.events.published");
        this.failures = meters.counter("outbox.publish.failures");
    }

    /** Called after a commit that appended events, so they go out now rather than at the next poll. */
    public void wakeUp() {
        lock.lock();
        try {
            workPending = true;
            work.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Publishes one batch; returns how many events went out. Public for tests and operators. */
    public int relayOnce() {
        Integer sent = transactions.execute(status -> {
            Boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(?)")
                    .param(RELAY_LOCK)
                    .query(Boolean.class)
                    .single();
            if (!Boolean.TRUE.equals(locked)) {
                return 0;
            }
            List<PendingEvent> batch = jdbc.sql("""
                            select seq, topic, event_key, envelope, event_type, id, correlation_id
                            from outbox_event where published_at is null order by seq limit ?
                            """)
                    .param(properties.batchSize())
                    .query((rs, i) -> new PendingEvent(
                            rs.getLong("seq"),
                            rs.getString("topic"),
                            rs.getString("event_key"),
                            rs.getString("envelope"),
                            rs.getString("event_type"),
                            rs.getString("id"),
                            rs.getString("correlation_id")))
                    .list();
            return publish(batch);
        });
        return sent == null ? 0 : sent;
    }

    private int publish(List<PendingEvent> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<SendResult<String, String>>> acks = new ArrayList<>(batch.size());
        for (PendingEvent event : batch) {
            acks.add(kafka.send(event.toRecord()));
        }
        List<Long> delivered = new ArrayList<>(batch.size());
        long deadline = System.nanoTime() + properties.sendTimeout().toNanos();
        for (int i = 0; i < batch.size(); i++) {
            try {
                acks.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                delivered.add(batch.get(i).seq());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                // Stop at the first failure: later events must not overtake an earlier one.
                recordFailure(batch.get(i), e);
                break;
            }
        }
        if (!delivered.isEmpty()) {
            jdbc.sql("update outbox_event set published_at = now() where seq = any(?)")
                    .param(delivered.toArray(Long[]::new))
                    .update();
            published.increment(delivered.size());
        }
        if (delivered.size() < batch.size()) {
            throw new RelayInterruptedException(delivered.size());
        }
        return delivered.size();
    }

    private void recordFailure(PendingEvent event, Exception e) {
        failures.increment();
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        log.warn("Publishing outbox event {} to {} failed: {}", event.id(), event.topic(), cause.toString());
        transactions.executeWithoutResult(
                status -> jdbc.sql("update outbox_event set attempts = attempts + 1, last_error = ? where seq = ?")
                        .param(cause.toString())
                        .param(event.seq())
                        .update());
    }

    private void loop() {
        Duration backoff = Duration.ZERO;
        while (running) {
            try {
                int sent = relayOnce();
                backoff = Duration.ZERO;
                cleanUpNowAndThen();
                if (sent < properties.batchSize()) {
                    awaitWork(properties.idlePoll());
                }
            } catch (RelayInterruptedException e) {
                backoff = nextBackoff(backoff);
                awaitWork(backoff);
            } catch (RuntimeException e) {
                backoff = nextBackoff(backoff);
                log.warn("Outbox relay round failed, retrying in {} ms: {}", backoff.toMillis(), e.toString());
                awaitWork(backoff);
            }
        }
    }

    private Duration nextBackoff(Duration current) {
        Duration next = current.isZero() ? Duration.ofMillis(250) : current.multipliedBy(2);
        return next.compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff() : next;
    }

    private void awaitWork(Duration timeout) {
        lock.lock();
        try {
            if (!workPending && running) {
                work.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            workPending = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    private void cleanUpNowAndThen() {
        if (Instant.now().isBefore(nextCleanup)) {
            return;
        }
        nextCleanup = Instant.now().plus(CLEANUP_EVERY);
        int removed = jdbc.sql("delete from outbox_event where published_at < now() - make_interval(secs => ?)")
                .param(properties.retention().toSeconds())
                .update();
        if (removed > 0) {
            log.info("Removed {} published outbox events older than {}", removed, properties.retention());
        }
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::loop, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        wakeUp();
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Tests and tools may run a service with the relay off and drive {@link #relayOnce()} themselves. */
    @Override
    public boolean isAutoStartup() {
        return properties.relayEnabled();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stop late: events committed during shutdown still get a chance to go out. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1024;
    }

    private record PendingEvent(
            long seq, String topic, String key, String envelope, String type, String id, String correlationId) {
        ProducerRecord<String, String> toRecord() {
            var record = new ProducerRecord<>(topic, key, envelope);
            record.headers().add("eventType", type.getBytes(StandardCharsets.UTF_8));
            record.headers().add("eventId", id.getBytes(StandardCharsets.UTF_8));
            if (correlationId != null) {
                record.headers().add(Correlation.KAFKA_HEADER, correlationId.getBytes(StandardCharsets.UTF_8));
            }
            return record;
        }
    }

    /** A round that delivered only part of its batch; the rest waits for the next attempt. */
    private static final class RelayInterruptedException extends RuntimeException {
        RelayInterruptedException(int delivered) {
            super("delivered " + delivered + " events before a failure");
        }
    }
}
