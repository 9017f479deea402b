package dev.agentlocator.platform.kit.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Deletes the idempotency marks ({@code processed_event}) older than
 * {@link MessagingProperties#processedRetention()}, every hour, in batches so that no delete holds
 * many locks. A mark is only needed while its event can still be delivered again: Kafka's retention
 * of the topic (7 days) and of dead letters (30 days) bound that, and the retention is longer.
 */
public class ProcessedEventPruning implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProcessedEventPruning.class);
    private static final Duration EVERY = Duration.ofHours(1);
    private static final int BATCH = 10_000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration retention;
    private ScheduledExecutorService executor;

    public ProcessedEventPruning(JdbcClient jdbc, Clock clock, MessagingProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = properties.processedRetention();
    }

    /** @return how many marks were deleted */
    public int prune() {
        OffsetDateTime cutoff = OffsetDateTime.ofInstant(clock.instant().minus(retention), ZoneOffset.UTC);
        int total = 0;
        int removed;
        do {
            removed = jdbc.sql("""
                            delete from processed_event where ctid in (
                                select ctid from processed_event where processed_at < ? limit ?)
                            """).param(cutoff).param(BATCH).update();
            total += removed;
        } while (removed == BATCH);
        if (total > 0) {
            log.info("Removed {} idempotency marks older than {}", total, retention);
        }
        return total;
    }

    private void pruneQuietly() {
        try {
            prune();
        } catch (RuntimeException e) {
            log.warn("Pruning idempotency marks failed; next try in {}: {}", EVERY, e.toString());
        }
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "processed-event-pruning");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::pruneQuietly, 1, EVERY.toMinutes(), TimeUnit.MINUTES);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
