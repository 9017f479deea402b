package dev.agentlocator.platform.events;

import java.util.List;
import java.util.Optional;

/**
 * billing-service's invoice events on {@code billing.invoice.v1}. Only drafts are {@link #UPDATED}
 * or {@link #DELETED}; an issued invoice is cancelled by a credit note ({@link #CREDITED} and
 * {@link #CANCELLED} on it, {@link #ISSUED} on the note).
 */
public enum InvoiceEvent implements EventType<InvoiceEvent.Payload> {
    CREATED("invoice.created", 1),
    ISSUED("invoice.issued", 1),
    PAID("invoice.paid", 1),
    CREDITED("invoice.credited", 1),
    CANCELLED("invoice.cancelled", 1),
    UPDATED("invoice.updated", 1),
    DELETED("invoice.deleted", 1);

    private final String type;
    private final int version;

    InvoiceEvent(String type, int version) {
        this.type = type;
        this.version = version;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public int version() {
        return version;
    }

    @Override
    public String topic() {
        return Topics.BILLING_INVOICE;
    }

    @Override
    public Class<Payload> payloadClass() {
        return Payload.class;
    }

    /** The type of {@code event} when it is one of these; empty otherwise. */
    public static Optional<InvoiceEvent> of(EventEnvelope event) {
        return EventTypes.find(List.of(values()), event);
    }

    /**
     * @param number absent on a draft
     * @param type tax_invoice, tax_invoice_receipt, receipt, credit_note
     * @param totalAgorot with VAT; money in agorot of {@code currency} (ILS)
     * @param creditOf the invoice a credit note cancels
     * @param allocationNumber the Israel Invoices allocation number, once there is one
     * @param creditNoteId on {@link #CREDITED}: the note that cancelled this invoice
     */
    public record Payload(
            String invoiceId,
            Long number,
            String type,
            String status,
            Long subtotalAgorot,
            Long vatAgorot,
            Long totalAgorot,
            String currency,
            String customerName,
            String creditOf,
            String allocationNumber,
            String creditNoteId,
            Long creditNoteNumber) {}
}
