package dev.agentlocator.timeline.stats;

import static dev.agentlocator.timeline.projection.TimelineEvents.*;
import static dev.agentlocator.timeline.stats.Metrics.*;

import dev.agentlocator.platform.events.EventEnvelope;
import dev.agentlocator.timeline.TimelineProperties;
import dev.agentlocator.timeline.projection.EntryMapper;
import dev.agentlocator.timeline.projection.Payload;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Folds events into the dashboard's daily counters and the task-state table. Runs inside the
 * timeline's idempotent transaction, so a redelivered event is counted once, and the counters
 * always agree with the timeline.
 */
@Component
public class StatsProjector {

    private final StatsRepository stats;
    private final TimelineProperties properties;

    StatsProjector(StatsRepository stats, TimelineProperties properties) {
        this.stats = stats;
        this.properties = properties;
    }

    public void apply(EventEnvelope event) {
        var p = new Payload(event.payload());
        UUID tenant = event.tenantId();
        LocalDate day = event.occurredAt().atZoneSameInstant(properties.zone()).toLocalDate();
        switch (event.type()) {
            case CUSTOMER_CREATED -> {
                String source = p.text("source");
                count(tenant, day, LEADS_NEW, source == null ? "unknown" : source, 1);
            }
            case CALL_COMPLETED -> {
                if (EntryMapper.isOutbound(p.text("direction"))) {
                    count(tenant, day, CALLS_OUTBOUND, NO_DIMENSION, 1);
                } else {
                    String answeredBy = p.text("answeredBy");
                    String metric = "ai".equals(answeredBy)
                            ? CALLS_ANSWERED_AI
                            : "agent".equals(answeredBy) ? CALLS_ANSWERED_AGENT : CALLS_MISSED;
                    count(tenant, day, metric, NO_DIMENSION, 1);
                }
            }
            case TASK_CREATED, TASK_UPDATED, TASK_SNOOZED, TASK_COMPLETED, TASK_DUE -> task(event, p, day);
            case CONTRACT_SIGNED -> {
                count(tenant, day, CONTRACTS_SIGNED, NO_DIMENSION, 1);
                count(tenant, day, CONTRACTS_SIGNED_AGOROT, NO_DIMENSION, orZero(p.number("totalAgorot")));
            }
            case INVOICE_ISSUED -> {
                count(tenant, day, INVOICES_ISSUED, NO_DIMENSION, 1);
                count(tenant, day, INVOICES_ISSUED_AGOROT, NO_DIMENSION, orZero(p.number("totalAgorot")));
                count(tenant, day, INVOICES_ISSUED_VAT_AGOROT, NO_DIMENSION, orZero(p.number("vatAgorot")));
            }
            case INVOICE_PAID -> {
                count(tenant, day, INVOICES_PAID, NO_DIMENSION, 1);
                count(tenant, day, INVOICES_PAID_AGOROT, NO_DIMENSION, orZero(p.number("totalAgorot")));
                count(tenant, day, INVOICES_PAID_VAT_AGOROT, NO_DIMENSION, orZero(p.number("vatAgorot")));
            }
            default -> {
                // Not a statistic.
            }
        }
    }

    private void task(EventEnvelope event, Payload p, LocalDate day) {
        if (TASK_CREATED.equals(event.type())) {
            count(event.tenantId(), day, TASKS_CREATED, NO_DIMENSION, 1);
        } else if (TASK_COMPLETED.equals(event.type())) {
            count(event.tenantId(), day, TASKS_COMPLETED, NO_DIMENSION, 1);
        }
        UUID taskId = p.uuid("taskId");
        if (taskId == null) {
            return;
        }
        boolean done = TASK_COMPLETED.equals(event.type()) || "done".equals(p.text("status"));
        OffsetDateTime dueAt = p.time("dueAt");
        // Task events carry the whole task; the newest one wins even if an older one comes later
        // (a rebuild racing another instance's live consumer).
        stats.saveTask(
                event.tenantId(),
                taskId,
                dueAt == null ? null : dueAt.toInstant(),
                done,
                event.occurredAt().toInstant());
    }

    private void count(UUID tenant, LocalDate day, String metric, String dimension, long delta) {
        if (delta == 0) {
            return;
        }
        stats.add(tenant, day, metric, dimension, delta);
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
