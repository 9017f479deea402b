package dev.agentlocator.billing.invoices;

import dev.agentlocator.billing.allocation.AllocationProperties;
import dev.agentlocator.billing.common.IsraelTime;
import dev.agentlocator.billing.invoices.InvoicePdf.Contents;
import dev.agentlocator.billing.invoices.InvoiceView.SettlementView;
import dev.agentlocator.billing.settings.SettingsService;
import dev.agentlocator.platform.kit.errors.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Documents as they are read: API views and printed PDFs (original or true copy). */
@Service
public class InvoiceDocuments {

    /** Statuses of a valid document, which therefore has an original and copies. */
    private static final Set<String> VALID = Set.of(InvoiceTypes.ISSUED, InvoiceTypes.PAID, InvoiceTypes.CANCELLED);

    private final InvoiceRepository invoices;
    private final PaymentRepository payments;
    private final InvoicePdf pdf;
    private final SettingsService settings;
    private final AllocationProperties allocation;
    private final Clock clock;

    InvoiceDocuments(
            InvoiceRepository invoices,
            PaymentRepository payments,
            InvoicePdf pdf,
            SettingsService settings,
            AllocationProperties allocation,
            Clock clock) {
        this.invoices = invoices;
        this.payments = payments;
        this.pdf = pdf;
        this.settings = settings;
        this.allocation = allocation;
        this.clock = clock;
    }

    /** A document with its payments and settlements. */
    @Transactional(readOnly = true)
    public InvoiceView view(UUID tenantId, UUID id) {
        return view(tenantId, invoices.find(tenantId, id).orElseThrow(ApiException::notFound));
    }

    InvoiceView view(UUID tenantId, Invoice invoice) {
        List<SettlementView> settlements = payments.settlements(tenantId, invoice.id()).stream()
                .map(s -> new SettlementView(
                        s.receiptId(), s.invoiceId(), s.invoiceType(), s.invoiceNumber(), s.amountAgorot()))
                .toList();
        return InvoiceView.of(invoice, overdueBefore(), payments.of(tenantId, invoice.id()), settlements);
    }

    /** A list row: the document without its payments. */
    InvoiceView row(Invoice invoice) {
        return InvoiceView.of(invoice, overdueBefore(), null, null);
    }

    /**
     * The PDF of a document. The first one produced of a valid document is the original (מקור), every
     * later one a true copy (העתק נאמן למקור); {@code copy} asks for a copy without using up the
     * original (the accountant's package). Drafts and documents awaiting allocation are not valid yet
     * and carry neither mark.
     */
    @Transactional
    public byte[] pdf(UUID tenantId, UUID id, boolean copy) {
        Invoice invoice = invoices.find(tenantId, id).orElseThrow(ApiException::notFound);
        String label = null;
        if (VALID.contains(invoice.status())) {
            boolean original = !copy && invoices.markOriginalProduced(tenantId, id, clock.instant());
            label = original ? InvoicePdf.ORIGINAL : InvoicePdf.TRUE_COPY;
        }
        Invoice creditedOriginal = invoice.creditOf() == null
                ? null
                : invoices.find(tenantId, invoice.creditOf()).orElse(null);
        return pdf.render(
                invoice,
                new Contents(
                        invoice.business() != null
                                ? invoice.business()
                                : settings.get(tenantId).details(),
                        label,
                        creditedOriginal,
                        invoice.listsPayments() ? payments.of(tenantId, id) : List.of(),
                        invoice.isReceipt() ? payments.settlements(tenantId, id) : List.of()));
    }

    /** Every issued document (not drafts) dated within the Israeli days {@code from}..{@code to}. */
    @Transactional(readOnly = true)
    public List<Invoice> issued(UUID tenantId, LocalDate from, LocalDate to) {
        return invoices.issuedBetween(
                tenantId,
                from.atStartOfDay(IsraelTime.ZONE).toOffsetDateTime(),
                to.plusDays(1).atStartOfDay(IsraelTime.ZONE).toOffsetDateTime());
    }

    @Transactional(readOnly = true)
    public Optional<Invoice> find(UUID tenantId, UUID id) {
        return invoices.find(tenantId, id);
    }

    /** The payments of many documents at once. */
    @Transactional(readOnly = true)
    public Map<UUID, List<Payment>> payments(UUID tenantId, Collection<UUID> documentIds) {
        return payments.byDocument(tenantId, documentIds);
    }

    private Instant overdueBefore() {
        return clock.instant().minus(allocation.stuckAfter());
    }
}
