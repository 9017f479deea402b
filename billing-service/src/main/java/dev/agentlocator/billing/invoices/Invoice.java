package dev.agentlocator.billing.invoices;

import dev.agentlocator.billing.common.LineItem;
import dev.agentlocator.billing.settings.BusinessDetails;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A document as stored: tax invoice, tax invoice-receipt, receipt or credit note. Amounts are integer
 * agorot and always positive here; what a document's amounts mean follows from its type (a credit note
 * reduces, a receipt records money received), as the Tax Authority's unified format puts it.
 * {@code number} is null while a draft; the allocation fields follow the Israel Invoices rules.
 */
public record Invoice(
        UUID id,
        UUID customerId,
        String customerName,
        String customerVatId,
        String type,
        String status,
        Long number,
        List<LineItem> lines,
        int vatRateBasisPoints,
        long subtotalAgorot,
        long vatAgorot,
        long totalAgorot,
        long paidAgorot,
        String currency,
        UUID creditOf,
        UUID creditedBy,
        String allocationStatus,
        String allocationNumber,
        Boolean allocationSandbox,
        String allocationRejectionReason,
        String allocationError,
        int allocationAttempts,
        OffsetDateTime allocationNextAttemptAt,
        BusinessDetails business,
        OffsetDateTime originalProducedAt,
        OffsetDateTime issuedAt,
        OffsetDateTime paidAt,
        OffsetDateTime cancelledAt,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    /** The Hebrew document title, e.g. "חשבונית מס". */
    public String title() {
        return InvoiceTypes.TITLES.get(type);
    }

    public String statusLabel() {
        return InvoiceTypes.STATUS_LABELS.get(status);
    }

    public boolean isCreditNote() {
        return InvoiceTypes.CREDIT_NOTE.equals(type);
    }

    public boolean isReceipt() {
        return InvoiceTypes.RECEIPT.equals(type);
    }

    /** Documents that record money received list their payments. */
    public boolean listsPayments() {
        return isReceipt() || InvoiceTypes.TAX_INVOICE_RECEIPT.equals(type);
    }

    /** The document date: the issue date, or the creation date of a draft. */
    public OffsetDateTime documentDate() {
        return issuedAt != null ? issuedAt : createdAt;
    }
}
