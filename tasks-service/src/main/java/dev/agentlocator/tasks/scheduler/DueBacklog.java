package dev.agentlocator.tasks.scheduler;

import dev.agentlocator.tasks.tasks.TaskRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * How long the longest-waiting due task has gone unfired, for the alert that no scheduler is
 * firing (docs/operations.md). Asked of the database at each scrape, so every instance reports the
 * same figure, and it grows even when no instance runs the scheduler at all.
 */
@Component
class DueBacklog {

    static final String OLDEST_UNFIRED_AGE = "agentlocator.due.tasks.oldest.unfired.age";

    DueBacklog(TaskRepository tasks, MeterRegistry meters) {
        Gauge.builder(OLDEST_UNFIRED_AGE, tasks, t -> t.oldestUnfiredDue().toMillis() / 1000.0)
                .baseUnit("seconds")
                .description("how long the oldest due, open, unfired task has waited (0 when none)")
                .register(meters);
    }
}
