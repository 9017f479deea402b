package dev.agentlocator.billing.invoices;

import dev.agentlocator.platform.events.EventEnvelope;
import dev.agentlocator.platform.events.InvoiceEvent;
import dev.agentlocator.platform.kit.logging.Correlation;
import dev.agentlocator.platform.kit.outbox.Outbox;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Writes an invoice's {@link InvoiceEvent}s to the outbox in the caller's transaction. */
@Component
class InvoiceEvents {

    private final Outbox outbox;

    InvoiceEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    Invoice emit(UUID tenantId, InvoiceEvent type, Invoice i) {
        return emit(tenantId, type, i, null);
    }

    Invoice emit(UUID tenantId, InvoiceEvent type, Invoice i, Invoice creditNote) {
        outbox.append(EventEnvelope.of(
                type,
                tenantId,
                i.customerId(),
                Correlation.currentId(),
                new InvoiceEvent.Payload(
                        i.id().toString(),
                        i.number(),
                        i.type(),
                        i.status(),
                        i.subtotalAgorot(),
                        i.vatAgorot(),
                        i.totalAgorot(),
                        i.currency(),
                        i.customerName(),
                        i.creditOf() == null ? null : i.creditOf().toString(),
                        i.allocationNumber(),
                        creditNote == null ? null : creditNote.id().toString(),
                        creditNote == null ? null : creditNote.number())));
        return i;
    }
}
