package dev.agentlocator.platform.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * billing-service's invoice events on {@code billing.invoice.v1}. Only drafts are {@link #UPDATED}
 * or {@link #DELETED}; an issued invoice is cancelled by a credit note ({@link #CREDITED} and
 * {@link #CANCELLED} on it, {@link #ISSUED} on the note). A receipt (money received, not revenue)
 * is {@link #RECEIPT_ISSUED}, never {@link #ISSUED}, so a reader that counts issued documents as
 * revenue never counts a payment; {@link #PAID} then names the receipt that completed the invoice.
 * {@link #ALLOCATION_REJECTED} and {@link #ALLOCATION_OVERDUE} tell the owner that an issued invoice
 * has no Israel Invoices allocation number and why, so the invoice does not wait unseen.
 */
public enum InvoiceEvent implements EventType<InvoiceEvent.Payload> {
    CREATED("invoice.created", 1),
    ISSUED("invoice.issued", 1),
    PAID("invoice.paid", 1),
    CREDITED("invoice.credited", 1),
    CANCELLED("invoice.cancelled", 1),
    UPDATED("invoice.updated", 1),
    DELETED("invoice.deleted", 1),
    RECEIPT_ISSUED("receipt.issued", 1),
    ALLOCATION_REJECTED("invoice.allocation_rejected", 1),
    ALLOCATION_OVERDUE("invoice.allocation_overdue", 1);

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
     * @param receiptId on {@link #PAID}: the receipt that completed the payment (absent when the
     *     invoice was a tax invoice-receipt, paid on issue)
     * @param settlements on {@link #RECEIPT_ISSUED}: agorot applied to each invoice id it pays
     * @param payments on {@link #RECEIPT_ISSUED}: agorot received by payment method (cash, cheque,
     *     bank_transfer, credit_card, bit, other)
     * @param allocationMessage on {@link #ALLOCATION_REJECTED}: the Tax Authority's reason in Hebrew and
     *     what to fix; on {@link #ALLOCATION_OVERDUE}: why it is still waiting, when known
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
            Long creditNoteNumber,
            String receiptId,
            Long receiptNumber,
            Map<String, Long> settlements,
            Map<String, Long> payments,
            String allocationMessage) {}
}
