package dev.agentlocator.billing.invoices;

import dev.agentlocator.billing.common.LineItem;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An invoice, receipt or credit note as the API shows it. Amounts are integer agorot; {@code number}
 * is null while a draft; the allocation fields follow the Israel Invoices rules (SPEC C7).
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
        String currency,
        UUID creditOf,
        UUID creditedBy,
        String allocationStatus,
        String allocationNumber,
        Boolean allocationSandbox,
        String allocationRejectionReason,
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
}
