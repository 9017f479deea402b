package dev.agentlocator.billing.invoices;

import dev.agentlocator.billing.common.IsraelTime;
import dev.agentlocator.billing.common.LineItem;
import dev.agentlocator.billing.common.LineRequest;
import dev.agentlocator.billing.common.Money;
import dev.agentlocator.billing.common.Money.Totals;
import dev.agentlocator.billing.customers.BillingCustomer;
import dev.agentlocator.billing.customers.CustomerDirectory;
import dev.agentlocator.billing.invoices.InvoiceRequests.CreateInvoiceRequest;
import dev.agentlocator.billing.invoices.InvoiceRequests.UpdateInvoiceRequest;
import dev.agentlocator.billing.settings.SettingsService;
import dev.agentlocator.platform.events.InvoiceEvent;
import dev.agentlocator.platform.kit.errors.ApiException;
import dev.agentlocator.platform.kit.paging.Page;
import dev.agentlocator.platform.kit.paging.PageRequest;
import dev.agentlocator.platform.kit.paging.SortOrder;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Invoices of a tenant: drafts, issuing with gapless numbers, payment, and cancellation by credit
 * note. Every state change is written with its event on {@code billing.invoice.v1}.
 */
@Service
public class InvoiceService {

    static final String ONLY_DRAFT_ISSUES = "אפשר להפיק רק מסמך שנמצא בטיוטה";
    static final String ONLY_ISSUED_PAYS = "אפשר לסמן כשולם רק מסמך שהופק ועדיין לא שולם";
    static final String CREDIT_NOTE_NOT_PAYABLE = "חשבונית זיכוי אינה מסמך לתשלום";
    static final String ONLY_ISSUED_CREDITS = "אפשר לזכות רק מסמך שהופק ולא בוטל";
    static final String CREDIT_NOTE_NOT_CREDITABLE = "אי אפשר לזכות חשבונית זיכוי";
    static final String RECEIPT_NOT_CREDITABLE = "קבלה אינה מבוטלת בחשבונית זיכוי";
    static final String ONLY_DRAFT_EDITS = "אפשר לערוך רק טיוטה. מסמך שהופק מתקנים באמצעות חשבונית זיכוי.";
    static final String ONLY_DRAFT_DELETES =
            "אפשר למחוק רק טיוטה. מסמך שהופק לעולם אינו נמחק; לביטולו יש להפיק חשבונית זיכוי.";
    static final String NO_ALLOCATION_AWAITED = "המסמך אינו ממתין למספר הקצאה";
    static final String RECEIPT_DRAFT =
            "קבלה אינה מופקת מטיוטה: היא נוצרת ברישום תשלום על חשבונית מס (POST /api/invoices/receipts)";
    static final String PAYMENTS_MUST_MATCH = "בחשבונית מס קבלה סכום התשלומים צריך להיות שווה לסה״כ לתשלום של החשבונית";
    static final String PAYMENTS_ONLY_FOR_RECEIPTS = "תשלומים נרשמים בהפקה רק בחשבונית מס קבלה";

    private final InvoiceRepository invoices;
    private final PaymentRepository payments;
    private final DocumentNumbers numbers;
    private final AllocationRules rules;
    private final AllocationWorker allocations;
    private final CustomerDirectory customers;
    private final SettingsService settings;
    private final InvoiceEvents events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ReceiptService receipts;

    InvoiceService(
            InvoiceRepository invoices,
            PaymentRepository payments,
            DocumentNumbers numbers,
            AllocationRules rules,
            AllocationWorker allocations,
            CustomerDirectory customers,
            SettingsService settings,
            InvoiceEvents events,
            TransactionTemplate transactions,
            Clock clock,
            ReceiptService receipts) {
        this.receipts = receipts;
        this.invoices = invoices;
        this.payments = payments;
        this.numbers = numbers;
        this.rules = rules;
        this.allocations = allocations;
        this.customers = customers;
        this.settings = settings;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Transactional
    public Invoice create(UUID tenantId, CreateInvoiceRequest r) {
        BillingCustomer customer = customers.require(tenantId, r.customerId());
        List<LineItem> lines = r.lines().stream().map(LineRequest::toItem).toList();
        Totals totals = Money.totals(lines, settings.get(tenantId).vatRateBasisPoints());
        UUID id = UUID.randomUUID();
        invoices.insertDraft(tenantId, id, customer.id(), customer.name(), customer.vatId(), r.type(), lines, totals);
        return events.emit(tenantId, InvoiceEvent.CREATED, load(tenantId, id));
    }

    /**
     * A draft of {@code type} (tax invoice or tax invoice-receipt) with {@code lines} for the customer:
     * a quote becoming an invoice. Returns the draft's id.
     */
    @Transactional
    public UUID draft(UUID tenantId, UUID customerId, String type, List<LineItem> lines) {
        if (!type.matches(InvoiceTypes.DRAFTABLE)) {
            throw new ApiException(
                    HttpStatus.BAD_REQUEST,
                    "validation_failed",
                    "חלק מהשדות אינם תקינים",
                    Map.of("fields", Map.of("type", InvoiceRequests.DRAFTABLE_TYPES)));
        }
        BillingCustomer customer = customers.require(tenantId, customerId);
        Totals totals = Money.totals(lines, settings.get(tenantId).vatRateBasisPoints());
        UUID id = UUID.randomUUID();
        invoices.insertDraft(tenantId, id, customer.id(), customer.name(), customer.vatId(), type, lines, totals);
        events.emit(tenantId, InvoiceEvent.CREATED, load(tenantId, id));
        return id;
    }

    /**
     * Changes a draft's customer, type or lines and prices it again. The row lock makes an edit and a
     * concurrent issue of the same draft queue, so the number always goes to the edited document.
     */
    @Transactional
    public Invoice update(UUID tenantId, UUID id, UpdateInvoiceRequest r) {
        Invoice draft = invoices.findForUpdate(tenantId, id).orElseThrow(ApiException::notFound);
        if (!InvoiceTypes.DRAFT.equals(draft.status())) {
            throw illegalTransition(ONLY_DRAFT_EDITS, draft);
        }
        BillingCustomer customer = r.customerId() != null ? customers.require(tenantId, r.customerId()) : null;
        List<LineItem> lines =
                r.lines() != null ? r.lines().stream().map(LineRequest::toItem).toList() : draft.lines();
        Totals totals = Money.totals(lines, settings.get(tenantId).vatRateBasisPoints());
        invoices.updateDraft(
                tenantId,
                id,
                customer != null ? customer.id() : draft.customerId(),
                customer != null ? customer.name() : draft.customerName(),
                customer != null ? customer.vatId() : draft.customerVatId(),
                r.type() != null ? r.type() : draft.type(),
                lines,
                totals);
        return events.emit(tenantId, InvoiceEvent.UPDATED, load(tenantId, id));
    }

    /** Deletes a draft, which has no number yet, so numbering keeps no gap. Issued documents never go. */
    @Transactional
    public void deleteDraft(UUID tenantId, UUID id) {
        Invoice draft = invoices.findForUpdate(tenantId, id).orElseThrow(ApiException::notFound);
        if (!InvoiceTypes.DRAFT.equals(draft.status())) {
            throw illegalTransition(ONLY_DRAFT_DELETES, draft);
        }
        invoices.deleteDraft(tenantId, id);
        events.emit(tenantId, InvoiceEvent.DELETED, draft);
    }

    @Transactional(readOnly = true)
    public Invoice get(UUID tenantId, UUID id) {
        return load(tenantId, id);
    }

    @Transactional(readOnly = true)
    public Page<Invoice> list(UUID tenantId, InvoiceFilter filter, SortOrder sort, PageRequest page) {
        long total = invoices.count(tenantId, filter);
        List<Invoice> items = invoices.list(tenantId, filter, sort, page.offset(), page.limit());
        return new Page<>(items, page.page(), page.limit(), total, page.pages(total));
    }

    @Transactional(readOnly = true)
    public List<Invoice> export(UUID tenantId, InvoiceFilter filter, SortOrder sort) {
        return invoices.list(tenantId, filter, sort, 0, Integer.MAX_VALUE);
    }

    /**
     * Gives the draft its number, its final amounts and the business details in force now. A tax
     * invoice-receipt takes its payments here, which must add up to its total. When the Israel Invoices
     * rules require an allocation number, the provider is asked only after the numbering transaction
     * committed, so the counter's lock is never held while a remote service answers; if that first
     * attempt does not settle it, the background worker goes on trying.
     */
    public Invoice issue(UUID tenantId, UUID id, List<PaymentRequest> paymentRequests) {
        Invoice issued = transactions.execute(status -> {
            Invoice draft = invoices.findForUpdate(tenantId, id).orElseThrow(ApiException::notFound);
            if (!InvoiceTypes.DRAFT.equals(draft.status())) {
                throw illegalTransition(ONLY_DRAFT_ISSUES, draft);
            }
            if (InvoiceTypes.RECEIPT.equals(draft.type())) {
                throw illegalTransition(RECEIPT_DRAFT, draft);
            }
            boolean paidOnTheSpot = InvoiceTypes.TAX_INVOICE_RECEIPT.equals(draft.type());
            if (!paidOnTheSpot && paymentRequests != null && !paymentRequests.isEmpty()) {
                throw ApiException.badRequest("payments_not_allowed", PAYMENTS_ONLY_FOR_RECEIPTS);
            }
            // The customer's current name and VAT number go on the document, not those of the draft's day.
            BillingCustomer customer =
                    customers.find(tenantId, draft.customerId()).orElse(null);
            String name = customer != null ? customer.name() : draft.customerName();
            String vatId = customer != null ? customer.vatId() : draft.customerVatId();
            var current = settings.get(tenantId);
            Totals totals = Money.totals(draft.lines(), current.vatRateBasisPoints());
            List<Payment> received = paidOnTheSpot ? Payments.of(paymentRequests) : List.of();
            if (paidOnTheSpot && Payments.total(received) != totals.totalAgorot()) {
                throw new ApiException(
                        HttpStatus.BAD_REQUEST,
                        "payments_mismatch",
                        PAYMENTS_MUST_MATCH,
                        Map.of("totalAgorot", totals.totalAgorot(), "paymentsAgorot", Payments.total(received)));
            }
            // One moment for the threshold's date, the document's date and the allocation request,
            // at the database's precision so the stored issue time is exactly this one.
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            boolean needsAllocation = rules.requiresAllocation(
                    tenantId, draft.type(), vatId, totals.subtotalAgorot(), IsraelTime.localDate(now));
            long number = numbers.next(tenantId, draft.type());
            String settled = paidOnTheSpot ? InvoiceTypes.PAID : InvoiceTypes.ISSUED;
            invoices.markIssued(
                    tenantId,
                    id,
                    number,
                    needsAllocation ? InvoiceTypes.AWAITING_ALLOCATION : settled,
                    needsAllocation ? "pending" : "not_required",
                    name,
                    vatId,
                    totals,
                    current.details(),
                    now);
            received.forEach(p -> payments.insert(tenantId, id, p));
            Invoice result = load(tenantId, id);
            return needsAllocation ? result : events.emit(tenantId, InvoiceEvent.ISSUED, result);
        });
        if (InvoiceTypes.AWAITING_ALLOCATION.equals(issued.status())) {
            allocations.attempt(tenantId, id);
            return load(tenantId, id);
        }
        return issued;
    }

    /**
     * Asks again for an invoice still awaiting its number: after a rejection was fixed, or at once
     * instead of waiting for the next automatic attempt. Sends the same request as before.
     */
    public Invoice retryAllocation(UUID tenantId, UUID id) {
        transactions.executeWithoutResult(status -> {
            Invoice current = invoices.findForUpdate(tenantId, id).orElseThrow(ApiException::notFound);
            if (!InvoiceTypes.AWAITING_ALLOCATION.equals(current.status())) {
                throw illegalTransition(NO_ALLOCATION_AWAITED, current);
            }
            invoices.markAllocationPending(tenantId, id, clock.instant());
        });
        allocations.attempt(tenantId, id);
        return load(tenantId, id);
    }

    /**
     * Pays the rest of an issued tax invoice in one action, and issues the receipt for it: one payment
     * of the balance, method "other", dated the Israeli day of the clock. A payment with its real method
     * (cheque, card, …) is recorded through {@link ReceiptService#record}; either way every paid tax
     * invoice has its receipt.
     */
    @Transactional
    public Invoice pay(UUID tenantId, UUID id) {
        Invoice invoice = invoices.findForUpdate(tenantId, id).orElseThrow(ApiException::notFound);
        if (invoice.isCreditNote()) {
            throw illegalTransition(CREDIT_NOTE_NOT_PAYABLE, invoice);
        }
        if (!InvoiceTypes.ISSUED.equals(invoice.status()) || !InvoiceTypes.TAX_INVOICE.equals(invoice.type())) {
            throw illegalTransition(ONLY_ISSUED_PAYS, invoice);
        }
        long balance = invoice.totalAgorot() - invoice.paidAgorot();
        receipts.record(
                tenantId,
                List.of(id),
                List.of(new PaymentRequest(
                        PaymentMethods.OTHER,
                        balance,
                        IsraelTime.localDate(clock.instant()),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null)));
        return load(tenantId, id);
    }

    /**
     * Cancels an issued document the only lawful way: a credit note with its own number that
     * references it. The original stays, marked {@code cancelled}. Returns the credit note.
     */
    @Transactional
    public Invoice credit(UUID tenantId, UUID id) {
        Invoice original = invoices.findForUpdate(tenantId, id).orElseThrow(ApiException::notFound);
        if (original.isCreditNote()) {
            throw illegalTransition(CREDIT_NOTE_NOT_CREDITABLE, original);
        }
        if (original.isReceipt()) {
            throw illegalTransition(RECEIPT_NOT_CREDITABLE, original);
        }
        if (!Set.of(InvoiceTypes.ISSUED, InvoiceTypes.PAID, InvoiceTypes.AWAITING_ALLOCATION)
                .contains(original.status())) {
            throw illegalTransition(ONLY_ISSUED_CREDITS, original);
        }
        Instant now = clock.instant();
        UUID creditId = UUID.randomUUID();
        long number = numbers.next(tenantId, InvoiceTypes.CREDIT_NOTE);
        invoices.insertCreditNote(
                tenantId, creditId, original, number, settings.get(tenantId).details(), now);
        invoices.markCancelled(tenantId, id, creditId, now);
        // The timeline reads invoice.credited as "this document was credited" (ADR 0005), so it
        // is about the original and names its credit note; the credit note is itself issued.
        Invoice creditNote = events.emit(tenantId, InvoiceEvent.ISSUED, load(tenantId, creditId));
        Invoice cancelled = load(tenantId, id);
        events.emit(tenantId, InvoiceEvent.CREDITED, cancelled, creditNote);
        events.emit(tenantId, InvoiceEvent.CANCELLED, cancelled);
        return creditNote;
    }

    private Invoice load(UUID tenantId, UUID id) {
        return invoices.find(tenantId, id).orElseThrow(ApiException::notFound);
    }

    private static ApiException illegalTransition(String message, Invoice invoice) {
        return new ApiException(HttpStatus.CONFLICT, "invalid_transition", message, Map.of("status", invoice.status()));
    }
}
