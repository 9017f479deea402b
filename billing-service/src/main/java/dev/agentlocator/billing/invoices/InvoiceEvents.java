package dev.agentlocator.billing.invoices;

import dev.agentlocator.platform.events.EventEnvelope;
import dev.agentlocator.platform.events.Topics;
import dev.agentlocator.platform.kit.logging.Correlation;
import dev.agentlocator.platform.kit.outbox.Outbox;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The invoice events on {@code billing.invoice.v1}, written to the outbox in the caller's transaction. */
@Component
class InvoiceEvents {

    private final Outbox outbox;

    InvoiceEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    Invoice emit(UUID tenantId, String type, Invoice i) {
        return emit(tenantId, type, i, null);
    }

    Invoice emit(UUID tenantId, String type, Invoice i, Invoice creditNote) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("invoiceId", i.id().toString());
        // Absent means "none": the envelope's payload holds no nulls.
        if (i.number() != null) {
            payload.put("number", i.number());
        }
        payload.put("type", i.type());
        payload.put("status", i.status());
        payload.put("subtotalAgorot", i.subtotalAgorot());
        payload.put("vatAgorot", i.vatAgorot());
        payload.put("totalAgorot", i.totalAgorot());
        payload.put("currency", i.currency());
        payload.put("customerName", i.customerName());
        if (i.creditOf() != null) {
            payload.put("creditOf", i.creditOf().toString());
        }
        if (i.allocationNumber() != null) {
            payload.put("allocationNumber", i.allocationNumber());
        }
        if (creditNote != null) {
            payload.put("creditNoteId", creditNote.id().toString());
            payload.put("creditNoteNumber", creditNote.number());
        }
        outbox.append(
                Topics.BILLING_INVOICE,
                EventEnvelope.create(type, tenantId, i.customerId(), Correlation.currentId(), payload));
        return i;
    }
}
