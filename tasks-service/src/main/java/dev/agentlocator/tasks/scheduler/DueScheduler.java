package dev.agentlocator.tasks.scheduler;

import dev.agentlocator.platform.events.TaskEvent;
import dev.agentlocator.platform.kit.background.BackgroundLoop;
import dev.agentlocator.tasks.tasks.DueTimeSet;
import dev.agentlocator.tasks.tasks.Task;
import dev.agentlocator.tasks.tasks.TaskEvents;
import dev.agentlocator.tasks.tasks.TaskRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fires each task once at its due time: one thread sleeps until the earliest pending due time
 * (at most {@link SchedulerProperties#maxSleep()}), then claims every due task with {@code FOR
 * UPDATE SKIP LOCKED}, marks it fired and appends {@code task.due} in the same transaction. Any
 * number of instances may run; a claimed row is never claimed again until a snooze re-arms it.
 * Tasks that fell due while no instance ran fire in the first round after start.
 */
@Component
public class DueScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DueScheduler.class);

    private final TaskRepository tasks;
    private final TaskEvents events;
    private final TransactionTemplate transactions;
    private final SchedulerProperties properties;
    private final Counter fired;
    private final Timer lateness;

    private final BackgroundLoop loop;

    public DueScheduler(
            TaskRepository tasks,
            TaskEvents events,
            TransactionTemplate transactions,
            SchedulerProperties properties,
            MeterRegistry meters) {
        this.tasks = tasks;
        this.events = events;
        this.transactions = transactions;
        this.properties = properties;
        this.fired = meters.counter("tasks.due.fired");
        this.lateness = Timer.builder("tasks.due.lateness")
                .description("claim time minus due time")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
        this.loop = new BackgroundLoop("due-scheduler", this::loopRound, e -> {
            log.warn("Due scheduler round failed, retrying in 1 s: {}", e.toString());
            return Duration.ofSeconds(1);
        });
    }

    /** After the commit that set a due time: wake now if it comes before the planned wake-up. */
    @TransactionalEventListener
    void onDueTimeSet(DueTimeSet event) {
        dueTimeSet(event.dueAt());
    }

    public void dueTimeSet(OffsetDateTime dueAt) {
        // While the thread works it has not chosen its next wake-up yet: the loop makes it look again.
        loop.wakeUpIfBefore(dueAt.toInstant());
    }

    /** Claims and fires one batch of due tasks; returns how many fired. Public for tests. */
    public int fireDue() {
        List<Task> due = transactions.execute(status -> {
            List<Task> claimed = tasks.claimDue(properties.batchSize());
            claimed.forEach(task -> events.append(TaskEvent.DUE, task));
            return claimed;
        });
        if (due == null || due.isEmpty()) {
            return 0;
        }
        fired.increment(due.size());
        OffsetDateTime now = OffsetDateTime.now();
        due.forEach(t -> lateness.record(Duration.between(t.dueAt(), now)));
        log.debug("Fired {} due task(s)", due.size());
        return due.size();
    }

    /** A round of the background loop; returns the pause before the next. */
    private Duration loopRound() {
        int count = fireDue();
        if (count >= properties.batchSize()) {
            return Duration.ZERO; // more may be due right now
        }
        Optional<Duration> next = tasks.untilNextDue();
        if (next.isPresent() && (next.get().isNegative() || next.get().isZero())) {
            // Due but not claimable: another instance holds it and is about to commit.
            return properties.contendedPause();
        }
        return next.map(this::cap).orElse(properties.maxSleep());
    }

    private Duration cap(Duration untilDue) {
        return untilDue.compareTo(properties.maxSleep()) > 0 ? properties.maxSleep() : untilDue;
    }

    @Override
    public void start() {
        loop.start();
        log.info("Due scheduler started (max sleep {})", properties.maxSleep());
    }

    @Override
    public void stop() {
        loop.stop();
    }

    @Override
    public boolean isAutoStartup() {
        return properties.enabled();
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }

    /** Start after (and stop before) the outbox relay, which publishes what this appends. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 512;
    }
}
