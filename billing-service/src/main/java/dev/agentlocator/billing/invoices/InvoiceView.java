package dev.agentlocator.billing.invoices;

import dev.agentlocator.billing.common.LineItem;
import dev.agentlocator.billing.settings.BusinessDetails;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A document as the API shows it. A credit note's amounts are negative here (it reduces what the
 * customer owes and what the business earned), in the list, the CSV and every total a client adds up.
 * {@code allocationOverdue} flags an invoice that has waited for its allocation number longer than the
 * configured time. {@code payments} and {@code settlements} are filled when one document is read.
 * {@code balanceAgorot} is what is still owed on an issued tax invoice (total less its receipts); zero
 * on every other document.
 */
public record InvoiceView(
        UUID id,
        UUID customerId,
        String customerName,
        String customerVatId,
        String type,
        String title,
        String status,
        Long number,
        List<LineItem> lines,
        int vatRateBasisPoints,
        long subtotalAgorot,
        long vatAgorot,
        long totalAgorot,
        long paidAgorot,
        long balanceAgorot,
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
        boolean allocationOverdue,
        BusinessDetails business,
        OffsetDateTime originalProducedAt,
        OffsetDateTime issuedAt,
        OffsetDateTime paidAt,
        OffsetDateTime cancelledAt,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        List<Payment> payments,
        List<SettlementView> settlements) {

    /** A receipt's share of one invoice: on a receipt, what it paid; on an invoice, who paid it. */
    public record SettlementView(
            UUID receiptId, UUID invoiceId, String invoiceType, Long invoiceNumber, long amountAgorot) {}

    static InvoiceView of(Invoice i, Instant overdueBefore, List<Payment> payments, List<SettlementView> settlements) {
        long sign = i.isCreditNote() ? -1 : 1;
        List<LineItem> lines = sign == 1
                ? i.lines()
                : i.lines().stream()
                        .map(l -> new LineItem(l.description(), l.quantity(), -l.unitPriceAgorot(), -l.totalAgorot()))
                        .toList();
        boolean overdue = InvoiceTypes.AWAITING_ALLOCATION.equals(i.status())
                && i.issuedAt() != null
                && i.issuedAt().toInstant().isBefore(overdueBefore);
        return new InvoiceView(
                i.id(),
                i.customerId(),
                i.customerName(),
                i.customerVatId(),
                i.type(),
                i.title(),
                i.status(),
                i.number(),
                lines,
                i.vatRateBasisPoints(),
                sign * i.subtotalAgorot(),
                sign * i.vatAgorot(),
                sign * i.totalAgorot(),
                i.paidAgorot(),
                InvoiceTypes.TAX_INVOICE.equals(i.type()) && InvoiceTypes.ISSUED.equals(i.status())
                        ? i.totalAgorot() - i.paidAgorot()
                        : 0,
                i.currency(),
                i.creditOf(),
                i.creditedBy(),
                i.allocationStatus(),
                i.allocationNumber(),
                i.allocationSandbox(),
                i.allocationRejectionReason(),
                i.allocationError(),
                i.allocationAttempts(),
                i.allocationNextAttemptAt(),
                overdue,
                i.business(),
                i.originalProducedAt(),
                i.issuedAt(),
                i.paidAt(),
                i.cancelledAt(),
                i.createdAt(),
                i.updatedAt(),
                payments,
                settlements);
    }
}
