package dev.agentlocator.billing.invoices;

import dev.agentlocator.billing.common.LineItem;
import dev.agentlocator.billing.settings.SettingsService;
import dev.agentlocator.platform.kit.errors.ApiException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receipts (קבלה): money received against issued tax invoices. A receipt is a document of its own with
 * its own gapless number, no VAT, and the payments that make it up; each invoice it pays becomes
 * {@code paid} once its receipts cover its total.
 */
@Service
public class ReceiptService {

    static final String ONLY_TAX_INVOICES_PAID = "אפשר לרשום תשלום רק על חשבונית מס שהופקה ועדיין לא שולמה במלואה";
    static final String ONE_CUSTOMER = "קבלה אחת יכולה לשלם חשבוניות של לקוח אחד בלבד";
    static final String OVERPAYMENT = "סכום התשלומים גבוה מהיתרה לתשלום בחשבוניות שנבחרו";

    private final InvoiceRepository invoices;
    private final PaymentRepository payments;
    private final DocumentNumbers numbers;
    private final SettingsService settings;
    private final InvoiceEvents events;
    private final Clock clock;

    ReceiptService(
            InvoiceRepository invoices,
            PaymentRepository payments,
            DocumentNumbers numbers,
            SettingsService settings,
            InvoiceEvents events,
            Clock clock) {
        this.invoices = invoices;
        this.payments = payments;
        this.numbers = numbers;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Issues a receipt for {@code payments} against {@code invoiceIds}, applied to them in the order
     * given. All of it commits together or nothing does.
     */
    @Transactional
    public Invoice record(UUID tenantId, List<UUID> invoiceIds, List<PaymentRequest> requests) {
        List<Payment> received = Payments.of(requests);
        // Locked in id order, so two receipts naming the same invoices never wait on each other in a cycle.
        List<UUID> ids = List.copyOf(new LinkedHashSet<>(invoiceIds));
        Map<UUID, Invoice> locked = new HashMap<>();
        ids.stream()
                .sorted()
                .forEach(id ->
                        locked.put(id, invoices.findForUpdate(tenantId, id).orElseThrow(ApiException::notFound)));
        List<Invoice> paid = ids.stream().map(locked::get).toList();
        UUID customerId = paid.get(0).customerId();
        long outstanding = 0;
        for (Invoice invoice : paid) {
            if (!InvoiceTypes.TAX_INVOICE.equals(invoice.type()) || !InvoiceTypes.ISSUED.equals(invoice.status())) {
                throw new ApiException(
                        HttpStatus.CONFLICT,
                        "invalid_transition",
                        ONLY_TAX_INVOICES_PAID,
                        Map.of("invoiceId", invoice.id().toString(), "status", invoice.status()));
            }
            if (!invoice.customerId().equals(customerId)) {
                throw ApiException.badRequest("mixed_customers", ONE_CUSTOMER);
            }
            outstanding += invoice.totalAgorot() - invoice.paidAgorot();
        }
        long total = Payments.total(received);
        if (total > outstanding) {
            throw new ApiException(
                    HttpStatus.BAD_REQUEST,
                    "overpayment",
                    OVERPAYMENT,
                    Map.of("outstandingAgorot", outstanding, "paymentsAgorot", total));
        }
        Instant now = clock.instant();
        UUID receiptId = UUID.randomUUID();
        long left = total;
        List<LineItem> lines = new ArrayList<>();
        List<Long> shares = new ArrayList<>();
        for (Invoice invoice : paid) {
            long share = Math.min(left, invoice.totalAgorot() - invoice.paidAgorot());
            if (share == 0) {
                break;
            }
            left -= share;
            lines.add(
                    LineItem.of("תשלום עבור " + invoice.title() + " מספר " + invoice.number(), BigDecimal.ONE, share));
            shares.add(share);
        }
        Invoice first = paid.get(0);
        long number = numbers.next(tenantId, InvoiceTypes.RECEIPT);
        invoices.insertReceipt(
                tenantId,
                receiptId,
                customerId,
                first.customerName(),
                first.customerVatId(),
                number,
                lines,
                total,
                settings.get(tenantId).details(),
                now);
        received.forEach(p -> payments.insert(tenantId, receiptId, p));
        Invoice receipt = invoices.find(tenantId, receiptId).orElseThrow();
        Map<UUID, Long> applied = new LinkedHashMap<>();
        for (int i = 0; i < shares.size(); i++) {
            applied.put(paid.get(i).id(), shares.get(i));
        }
        // The receipt first, then each invoice it completed: a reader sees the money, then the status.
        events.receiptIssued(tenantId, receipt, applied, received);
        for (int i = 0; i < shares.size(); i++) {
            Invoice invoice = paid.get(i);
            long share = shares.get(i);
            payments.settle(tenantId, receiptId, invoice.id(), share);
            invoices.addPayment(tenantId, invoice.id(), share, now);
            Invoice after = invoices.find(tenantId, invoice.id()).orElseThrow();
            if (InvoiceTypes.PAID.equals(after.status())) {
                events.paid(tenantId, after, receipt);
            }
        }
        return receipt;
    }

    /** Payments recorded on a receipt or tax invoice-receipt. */
    @Transactional(readOnly = true)
    public List<Payment> payments(UUID tenantId, UUID documentId) {
        return payments.of(tenantId, documentId);
    }

    @Transactional(readOnly = true)
    List<PaymentRepository.Settlement> settlements(UUID tenantId, UUID documentId) {
        return payments.settlements(tenantId, documentId);
    }
}
