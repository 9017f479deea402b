package dev.agentlocator.platform.kit.outbox;

import dev.agentlocator.platform.kit.background.BackgroundLoop;
import dev.agentlocator.platform.kit.logging.Correlation;
import dev.agentlocator.platform.kit.tracing.TraceContexts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes outbox rows to Kafka in commit order. One relay per database works at a time (a
 * PostgreSQL advisory lock), so per-customer order holds with any number of service instances.
 * Delivery is at-least-once: a crash between Kafka's acknowledgement and the row update sends the
 * event again, which is why consumers drop event ids they have seen.
 *
 * <p>What Kafka acknowledged is marked published, and what failed is recorded, each in a
 * transaction of its own, so neither depends on the other rows of the round. A failed row waits
 * with back-off and holds back the later rows of its key (topic and customer) until it goes out;
 * a row Kafka refuses outright is parked after {@link OutboxProperties#maxAttempts()} attempts and
 * stops holding anything back (ADR 0014).
 *
 * <p>Each record is sent in a producer span, a child of the trace of the request that appended the
 * row (its stored {@code traceparent}), and carries that span's {@code traceparent} header, so the
 * consumers continue the request's trace (ADR 0025).
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** Arbitrary, fixed: the advisory lock key that makes a single relay active per database. */
    private static final long RELAY_LOCK = 0x6167656e746c6f63L;

    private static final Duration CLEANUP_EVERY = Duration.ofMinutes(10);
    private static final Duration FIRST_RETRY = Duration.ofMillis(250);

    private final JdbcClient jdbc;
    /** The round: holds the relay lock while it waits for Kafka. */
    private final TransactionTemplate round;
    /** Marks and failure bookkeeping, committed whatever becomes of the rest of the round. */
    private final TransactionTemplate bookkeeping;

    private final KafkaTemplate<String, String> kafka;
    private final OutboxProperties properties;
    private final Counter published;
    private final Counter failures;
    private final Counter parked;
    private final Tracer tracer;
    private final Propagator propagator;

    private final BackgroundLoop loop;
    /** The pause after a round in which nothing got through; only the loop's thread uses it. */
    private Duration backoff = Duration.ZERO;

    private Instant nextCleanup = Instant.now();

    public OutboxRelay(
            JdbcClient jdbc,
            PlatformTransactionManager transactionManager,
            KafkaTemplate<String, String> kafka,
            OutboxProperties properties,
            MeterRegistry meters,
            Tracer tracer,
            Propagator propagator) {
        this.jdbc = jdbc;
        this.tracer = tracer;
        this.propagator = propagator;
        this.round = new TransactionTemplate(transactionManager);
        this.bookkeeping = new TransactionTemplate(transactionManager);
        this.bookkeeping.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.kafka = kafka;
        this.properties = properties;
        this.published = meters.counter("outbox.events.published");
        this.failures = meters.counter("outbox.publish.failures");
        this.parked = meters.counter("outbox.events.parked");
        this.loop = new BackgroundLoop("outbox-relay", this::loopRound, this::afterFailedRound);
    }

    /** Called after a commit that appended events, so they go out now rather than at the next poll. */
    public void wakeUp() {
        loop.wakeUp();
    }

    /** Publishes one batch; returns how many events went out. Public for tests and operators. */
    public int relayOnce() {
        return relayRound().published();
    }

    private Round relayRound() {
        Round result = round.execute(status -> {
            Boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(?)")
                    .param(RELAY_LOCK)
                    .query(Boolean.class)
                    .single();
            if (!Boolean.TRUE.equals(locked)) {
                return Round.NOTHING;
            }
            return publish(pendingBatch());
        });
        return result == null ? Round.NOTHING : result;
    }

    /**
     * Rows due now, in commit order, leaving out every row behind an earlier row of its key that
     * is waiting for its next attempt: a retry must not let a later event of the same customer
     * overtake it.
     */
    private List<PendingEvent> pendingBatch() {
        return jdbc.sql("""
                        select seq, topic, event_key, envelope, event_type, id, correlation_id, traceparent, attempts
                        from outbox_event e
                        where published_at is null and parked_at is null
                          and (next_attempt_at is null or next_attempt_at <= now())
                          and not exists (
                              select 1 from outbox_event earlier
                              where earlier.published_at is null and earlier.parked_at is null
                                and earlier.topic = e.topic and earlier.event_key = e.event_key
                                and earlier.seq < e.seq and earlier.next_attempt_at > now())
                        order by seq limit ?
                        """)
                .param(properties.batchSize())
                .query((rs, i) -> new PendingEvent(
                        rs.getLong("seq"),
                        rs.getString("topic"),
                        rs.getString("event_key"),
                        rs.getString("envelope"),
                        rs.getString("event_type"),
                        rs.getString("id"),
                        rs.getString("correlation_id"),
                        rs.getString("traceparent"),
                        rs.getInt("attempts")))
                .list();
    }

    /**
     * Sends the whole batch at once (the producer keeps one partition's records in order) and then
     * settles every row by its own acknowledgement. A send that fails before it returns for a
     * reason other than the record (Kafka unreachable: the producer waited up to
     * {@code max.block.ms} for it) ends the sending; the rows after it wait for the next round
     * instead of each waiting as long.
     */
    private Round publish(List<PendingEvent> batch) {
        if (batch.isEmpty()) {
            return Round.NOTHING;
        }
        List<PendingEvent> sent = new ArrayList<>(batch.size());
        List<CompletableFuture<?>> acks = new ArrayList<>(batch.size());
        for (PendingEvent event : batch) {
            CompletableFuture<?> ack = send(event);
            sent.add(event);
            acks.add(ack);
            if (ack.isCompletedExceptionally() && !failureOf(ack).refusesTheRecord()) {
                break;
            }
        }
        List<PendingEvent> delivered = new ArrayList<>(sent.size());
        Map<PendingEvent, SendFailure> failed = new LinkedHashMap<>();
        long deadline = System.nanoTime() + properties.sendTimeout().toNanos();
        for (int i = 0; i < sent.size(); i++) {
            PendingEvent event = sent.get(i);
            try {
                acks.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                delivered.add(event);
            } catch (InterruptedException e) {
                // Shutting down: rows not settled yet are simply sent again by the next relay.
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException e) {
                failed.put(event, new SendFailure(e.getCause() != null ? e.getCause() : e));
            } catch (TimeoutException e) {
                failed.put(
                        event,
                        new SendFailure(new TimeoutException("no acknowledgement within " + properties.sendTimeout())));
            }
        }
        markPublished(delivered);
        recordFailures(failed);
        return new Round(sent.size(), delivered.size(), failed.size());
    }

    private static SendFailure failureOf(CompletableFuture<?> failedAck) {
        Throwable cause = failedAck.handle((result, failure) -> failure).join();
        return new SendFailure(cause);
    }

    /**
     * Sends {@code event} in a producer span of the trace it was appended in; the span ends with
     * Kafka's answer. Its log lines carry that trace's id.
     */
    private CompletableFuture<?> send(PendingEvent event) {
        Span span = TraceContexts.childOf(event.traceparent(), tracer, propagator)
                .name("outbox publish")
                .kind(Span.Kind.PRODUCER)
                .tag("messaging.destination.name", event.topic())
                .tag("agentlocator.event.type", event.type())
                .remoteServiceName("kafka")
                .start();
        CompletableFuture<?> ack;
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            log.debug("Publishing outbox event {} ({}) to {}", event.id(), event.type(), event.topic());
            ProducerRecord<String, String> record = event.toRecord();
            propagator.inject(span.context(), record.headers(), (headers, name, value) -> {
                headers.remove(name);
                headers.add(name, value.getBytes(StandardCharsets.UTF_8));
            });
            ack = kafka.send(record);
        } catch (RuntimeException e) {
            // Thrown before the record reached the producer's buffer: settled like any other failure.
            span.error(e);
            span.end();
            return CompletableFuture.failedFuture(e);
        }
        // A side branch: the relay settles the row by Kafka's own future, exactly as without tracing.
        ack.whenComplete((result, failure) -> {
            if (failure != null) {
                span.error(failure);
            }
            span.end();
        });
        return ack;
    }

    private void markPublished(List<PendingEvent> delivered) {
        if (delivered.isEmpty()) {
            return;
        }
        bookkeeping.executeWithoutResult(status -> jdbc.sql(
                        "update outbox_event set published_at = now(), next_attempt_at = null" + " where seq = any(?)")
                .param(delivered.stream().map(PendingEvent::seq).toArray(Long[]::new))
                .update());
        published.increment(delivered.size());
    }

    private void recordFailures(Map<PendingEvent, SendFailure> failed) {
        if (failed.isEmpty()) {
            return;
        }
        List<PendingEvent> parkedNow = new ArrayList<>();
        bookkeeping.executeWithoutResult(status -> failed.forEach((event, failure) -> {
            int attempts = event.attempts() + 1;
            if (failure.refusesTheRecord() && attempts >= properties.maxAttempts()) {
                jdbc.sql("""
                                update outbox_event set attempts = ?, last_error = ?, next_attempt_at = null,
                                    parked_at = now(), park_reason = ?
                                where seq = ?
                                """)
                        .params(attempts, failure.reason(), failure.reason(), event.seq())
                        .update();
                parkedNow.add(event);
            } else {
                jdbc.sql("""
                                update outbox_event set attempts = ?, last_error = ?,
                                    next_attempt_at = now() + make_interval(secs => ?)
                                where seq = ?
                                """)
                        .params(attempts, failure.reason(), retryDelay(attempts).toMillis() / 1000.0, event.seq())
                        .update();
            }
        }));
        failures.increment(failed.size());
        parked.increment(parkedNow.size());
        for (PendingEvent event : parkedNow) {
            log.error(
                    "Parked outbox event {} (type {}, topic {}, key {}) after {} attempts: {}."
                            + " Later events go on without it; re-queue it once fixed (docs/operations.md)",
                    event.id(),
                    event.type(),
                    event.topic(),
                    event.key(),
                    event.attempts() + 1,
                    failed.get(event).reason());
        }
        var first = failed.entrySet().iterator().next();
        log.warn(
                "Publishing {} of the outbox's events failed, retrying with back-off; first: event {} (type {}) to {}: {}",
                failed.size(),
                first.getKey().id(),
                first.getKey().type(),
                first.getKey().topic(),
                first.getValue().reason());
    }

    private Duration retryDelay(int attempts) {
        Duration delay = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 20));
        return delay.compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff() : delay;
    }

    /** A round of the background loop; returns the pause before the next. */
    private Duration loopRound() {
        Round result = relayRound();
        cleanUpNowAndThen();
        if (result.published() == 0 && result.failed() > 0) {
            // Nothing got through: most likely Kafka is away; do not cycle through the backlog.
            backoff = nextBackoff(backoff);
            return backoff;
        }
        backoff = Duration.ZERO;
        return result.attempted() < properties.batchSize() ? properties.idlePoll() : Duration.ZERO;
    }

    private Duration afterFailedRound(RuntimeException e) {
        backoff = nextBackoff(backoff);
        log.warn("Outbox relay round failed, retrying in {} ms: {}", backoff.toMillis(), e.toString());
        return backoff;
    }

    private Duration nextBackoff(Duration current) {
        Duration next = current.isZero() ? FIRST_RETRY : current.multipliedBy(2);
        return next.compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff() : next;
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
        loop.start();
    }

    @Override
    public void stop() {
        loop.stop();
    }

    /** Tests and tools may run a service with the relay off and drive {@link #relayOnce()} themselves. */
    @Override
    public boolean isAutoStartup() {
        return properties.relayEnabled();
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }

    /** Stop late: events committed during shutdown still get a chance to go out. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1024;
    }

    /** What one round did: rows it tried, of which Kafka acknowledged and refused. */
    private record Round(int attempted, int published, int failed) {
        static final Round NOTHING = new Round(0, 0, 0);
    }

    private record PendingEvent(
            long seq,
            String topic,
            String key,
            String envelope,
            String type,
            String id,
            String correlationId,
            String traceparent,
            int attempts) {
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
}
