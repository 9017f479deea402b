package dev.agentlocator.billing.invoices;

import dev.agentlocator.platform.events.EventEnvelope;
import dev.agentlocator.platform.events.InvoiceEvent;
import dev.agentlocator.platform.kit.logging.Correlation;
import dev.agentlocator.platform.kit.outbox.Outbox;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        return emit(tenantId, type, i, creditNote, null, null, null, null);
    }

    /** {@link InvoiceEvent#ALLOCATION_REJECTED} or {@link InvoiceEvent#ALLOCATION_OVERDUE}, with the reason. */
    Invoice allocationProblem(UUID tenantId, InvoiceEvent type, Invoice invoice, String message) {
        return emit(tenantId, type, invoice, null, null, null, null, message);
    }

    /** {@link InvoiceEvent#PAID} naming the receipt that completed the payment. */
    Invoice paid(UUID tenantId, Invoice invoice, Invoice receipt) {
        return emit(tenantId, InvoiceEvent.PAID, invoice, null, receipt, null, null, null);
    }

    /**
     * {@link InvoiceEvent#RECEIPT_ISSUED}: agorot applied to each invoice and received by each method.
     */
    Invoice receiptIssued(UUID tenantId, Invoice receipt, Map<UUID, Long> settlements, List<Payment> received) {
        Map<String, Long> applied = new LinkedHashMap<>();
        settlements.forEach((invoiceId, agorot) -> applied.put(invoiceId.toString(), agorot));
        Map<String, Long> byMethod = new LinkedHashMap<>();
        received.forEach(p -> byMethod.merge(p.method(), p.amountAgorot(), Long::sum));
        return emit(tenantId, InvoiceEvent.RECEIPT_ISSUED, receipt, null, null, applied, byMethod, null);
    }

    private Invoice emit(
            UUID tenantId,
            InvoiceEvent type,
            Invoice i,
            Invoice creditNote,
            Invoice receipt,
            Map<String, Long> settlements,
            Map<String, Long> payments,
            String allocationMessage) {
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
                        creditNote == null ? null : creditNote.number(),
                        receipt == null ? null : receipt.id().toString(),
                        receipt == null ? null : receipt.number(),
                        settlements,
                        payments,
                        allocationMessage)));
        return i;
    }
}
