package dev.agentlocator.timeline.stats;

import static dev.agentlocator.timeline.stats.Metrics.*;

import dev.agentlocator.platform.events.CallEvent;
import dev.agentlocator.platform.events.ContractEvent;
import dev.agentlocator.platform.events.CustomerEvent;
import dev.agentlocator.platform.events.EventEnvelope;
import dev.agentlocator.platform.events.InvoiceEvent;
import dev.agentlocator.platform.events.TaskEvent;
import dev.agentlocator.timeline.TimelineProperties;
import dev.agentlocator.timeline.projection.EntryMapper;
import dev.agentlocator.timeline.projection.Projection;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Folds events into the dashboard's daily counters and the task-state table. Runs inside the
 * timeline's idempotent transaction, so a redelivered event is counted once, and the counters
 * always agree with the timeline.
 */
@Component
public class StatsProjector implements Projection {

    private static final String CREDIT_NOTE = "credit_note";
    private static final String RECEIPT = "receipt";
    private static final String TAX_INVOICE_RECEIPT = "tax_invoice_receipt";

    private final StatsRepository stats;
    private final TimelineProperties properties;

    StatsProjector(StatsRepository stats, TimelineProperties properties) {
        this.stats = stats;
        this.properties = properties;
    }

    @Override
    public void apply(EventEnvelope event) {
        UUID tenant = event.tenantId();
        LocalDate day = event.occurredAt().atZoneSameInstant(properties.zone()).toLocalDate();
        if (CustomerEvent.CREATED.isTypeOf(event)) {
            String source =
                    EntryMapper.text(event.payload(CustomerEvent.CREATED).source());
            count(tenant, day, LEADS_NEW, source == null ? "unknown" : source, 1);
        } else if (CallEvent.COMPLETED.isTypeOf(event)) {
            var call = event.payload(CallEvent.COMPLETED);
            if (EntryMapper.isOutbound(EntryMapper.text(call.direction()))) {
                count(tenant, day, CALLS_OUTBOUND, NO_DIMENSION, 1);
            } else {
                String answeredBy = EntryMapper.text(call.answeredBy());
                String metric = "ai".equals(answeredBy)
                        ? CALLS_ANSWERED_AI
                        : "agent".equals(answeredBy) ? CALLS_ANSWERED_AGENT : CALLS_MISSED;
                count(tenant, day, metric, NO_DIMENSION, 1);
            }
        } else if (ContractEvent.SIGNED.isTypeOf(event)) {
            count(tenant, day, CONTRACTS_SIGNED, NO_DIMENSION, 1);
            count(
                    tenant,
                    day,
                    CONTRACTS_SIGNED_AGOROT,
                    NO_DIMENSION,
                    orZero(event.payload(ContractEvent.SIGNED).totalAgorot()));
        } else if (InvoiceEvent.ISSUED.isTypeOf(event)) {
            var invoice = event.payload(InvoiceEvent.ISSUED);
            String type = EntryMapper.text(invoice.type());
            if (CREDIT_NOTE.equals(type)) {
                // A credit note takes its amount back out of the revenue it cancels (amounts travel positive).
                count(tenant, day, INVOICES_CREDITED, NO_DIMENSION, 1);
                count(tenant, day, INVOICES_CREDITED_AGOROT, NO_DIMENSION, Math.abs(orZero(invoice.totalAgorot())));
                count(tenant, day, INVOICES_ISSUED_AGOROT, NO_DIMENSION, -Math.abs(orZero(invoice.totalAgorot())));
                count(tenant, day, INVOICES_ISSUED_VAT_AGOROT, NO_DIMENSION, -Math.abs(orZero(invoice.vatAgorot())));
            } else if (!RECEIPT.equals(type)) {
                count(tenant, day, INVOICES_ISSUED, NO_DIMENSION, 1);
                count(tenant, day, INVOICES_ISSUED_AGOROT, NO_DIMENSION, orZero(invoice.totalAgorot()));
                count(tenant, day, INVOICES_ISSUED_VAT_AGOROT, NO_DIMENSION, orZero(invoice.vatAgorot()));
                if (TAX_INVOICE_RECEIPT.equals(type)) {
                    // paid on the spot: revenue and the money for it at once
                    count(tenant, day, PAYMENTS_RECEIVED, NO_DIMENSION, 1);
                    count(tenant, day, PAYMENTS_RECEIVED_AGOROT, NO_DIMENSION, orZero(invoice.totalAgorot()));
                }
            }
        } else if (InvoiceEvent.RECEIPT_ISSUED.isTypeOf(event)) {
            var receipt = event.payload(InvoiceEvent.RECEIPT_ISSUED);
            count(tenant, day, PAYMENTS_RECEIVED, NO_DIMENSION, 1);
            count(tenant, day, PAYMENTS_RECEIVED_AGOROT, NO_DIMENSION, orZero(receipt.totalAgorot()));
        } else if (InvoiceEvent.PAID.isTypeOf(event)) {
            var invoice = event.payload(InvoiceEvent.PAID);
            count(tenant, day, INVOICES_PAID, NO_DIMENSION, 1);
            count(tenant, day, INVOICES_PAID_AGOROT, NO_DIMENSION, orZero(invoice.totalAgorot()));
            count(tenant, day, INVOICES_PAID_VAT_AGOROT, NO_DIMENSION, orZero(invoice.vatAgorot()));
        } else {
            TaskEvent.of(event).ifPresent(type -> task(event, type, day));
        }
    }

    private void task(EventEnvelope event, TaskEvent type, LocalDate day) {
        if (type == TaskEvent.CREATED) {
            count(event.tenantId(), day, TASKS_CREATED, NO_DIMENSION, 1);
        } else if (type == TaskEvent.COMPLETED) {
            count(event.tenantId(), day, TASKS_COMPLETED, NO_DIMENSION, 1);
        }
        var task = event.payload(type);
        UUID taskId = uuid(task.taskId());
        if (taskId == null) {
            return;
        }
        boolean done = type == TaskEvent.COMPLETED || "done".equals(EntryMapper.text(task.status()));
        OffsetDateTime dueAt = time(task.dueAt());
        // Task events carry the whole task; the newest one wins even if an older one comes later
        // (a rebuild racing another instance's live consumer).
        stats.saveTask(
                event.tenantId(),
                taskId,
                dueAt == null ? null : dueAt.toInstant(),
                done,
                event.occurredAt().toInstant());
    }

    /** A task id that is not one of ours is no task to keep. */
    private static UUID uuid(String text) {
        try {
            return text == null ? null : UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static OffsetDateTime time(String text) {
        try {
            return text == null ? null : OffsetDateTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
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
