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
import dev.agentlocator.platform.events.EventEnvelope;
import dev.agentlocator.platform.events.Topics;
import dev.agentlocator.platform.kit.errors.ApiException;
import dev.agentlocator.platform.kit.logging.Correlation;
import dev.agentlocator.platform.kit.outbox.Outbox;
import dev.agentlocator.platform.kit.paging.Page;
import dev.agentlocator.platform.kit.paging.PageRequest;
import dev.agentlocator.platform.kit.paging.SortOrder;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
    static final String ONLY_DRAFT_EDITS = "אפשר לערוך רק טיוטה. מסמך שהופק מתקנים באמצעות חשבונית זיכוי.";
    static final String ONLY_DRAFT_DELETES =
            "אפשר למחוק רק טיוטה. מסמך שהופק לעולם אינו נמחק; לביטולו יש להפיק חשבונית זיכוי.";
    static final String NO_ALLOCATION_AWAITED = "המסמך אינו ממתין למספר הקצאה";

    private static final Logger log = LoggerFactory.getLogger(InvoiceService.class);

    private final InvoiceRepository invoices;
    private final DocumentNumbers numbers;
    private final AllocationRules rules;
    private final AllocationProvider allocations;
    private final CustomerDirectory customers;
    private final SettingsService settings;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;

    InvoiceService(
            InvoiceRepository invoices,
            DocumentNumbers numbers,
            AllocationRules rules,
            AllocationProvider allocations,
            CustomerDirectory customers,
            SettingsService settings,
            Outbox outbox,
            TransactionTemplate transactions,
            Clock clock) {
        this.invoices = invoices;
        this.numbers = numbers;
        this.rules = rules;
        this.allocations = allocations;
        this.customers = customers;
        this.settings = settings;
        this.outbox = outbox;
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
        return emit(tenantId, "invoice.created", load(tenantId, id));
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
        return emit(tenantId, "invoice.updated", load(tenantId, id));
    }

    /** Deletes a draft, which has no number yet, so numbering keeps no gap. Issued documents never go. */
    @Transactional
    public void deleteDraft(UUID tenantId, UUID id) {
        Invoice draft = invoices.findForUpdate(tenantId, id).orElseThrow(ApiException::notFound);
        if (!InvoiceTypes.DRAFT.equals(draft.status())) {
            throw illegalTransition(ONLY_DRAFT_DELETES, draft);
        }
        invoices.deleteDraft(tenantId, id);
        emit(tenantId, "invoice.deleted", draft);
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
     * Gives the draft its number and final amounts. When the Israel Invoices rules require an
     * allocation number, the provider is asked only after the numbering transaction committed, so
     * the counter's lock is never held while a remote service answers.
     */
    public Invoice issue(UUID tenantId, UUID id) {
        Invoice issued = transactions.execute(status -> {
            Invoice draft = invoices.findForUpdate(tenantId, id).orElseThrow(ApiException::notFound);
            if (!InvoiceTypes.DRAFT.equals(draft.status())) {
                throw illegalTransition(ONLY_DRAFT_ISSUES, draft);
            }
            // The customer's current name and VAT number go on the document, not those of the draft's day.
            BillingCustomer customer =
                    customers.find(tenantId, draft.customerId()).orElse(null);
            String name = customer != null ? customer.name() : draft.customerName();
            String vatId = customer != null ? customer.vatId() : draft.customerVatId();
            Totals totals = Money.totals(draft.lines(), settings.get(tenantId).vatRateBasisPoints());
            // One moment for the threshold's date, the document's date and the allocation request.
            OffsetDateTime issuedAt = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
            boolean needsAllocation = rules.requiresAllocation(
                    tenantId, draft.type(), vatId, totals.subtotalAgorot(), IsraelTime.localDate(issuedAt));
            long number = numbers.next(tenantId, draft.type());
            invoices.markIssued(
                    tenantId,
                    id,
                    number,
                    needsAllocation ? InvoiceTypes.AWAITING_ALLOCATION : InvoiceTypes.ISSUED,
                    needsAllocation ? "pending" : "not_required",
                    name,
                    vatId,
                    totals,
                    issuedAt);
            Invoice result = load(tenantId, id);
            return needsAllocation ? result : emit(tenantId, "invoice.issued", result);
        });
        if (InvoiceTypes.AWAITING_ALLOCATION.equals(issued.status())) {
            return askForAllocation(tenantId, issued);
        }
        return issued;
    }

    /** Asks again for an invoice whose allocation is pending or was rejected; safe to repeat. */
    public Invoice retryAllocation(UUID tenantId, UUID id) {
        Invoice invoice = transactions.execute(status -> {
            Invoice current = invoices.findForUpdate(tenantId, id).orElseThrow(ApiException::notFound);
            if (!InvoiceTypes.AWAITING_ALLOCATION.equals(current.status())) {
                throw illegalTransition(NO_ALLOCATION_AWAITED, current);
            }
            invoices.markAllocationPending(tenantId, id);
            return current;
        });
        return askForAllocation(tenantId, invoice);
    }

    @Transactional
    public Invoice pay(UUID tenantId, UUID id) {
        Invoice invoice = invoices.findForUpdate(tenantId, id).orElseThrow(ApiException::notFound);
        if (InvoiceTypes.CREDIT_NOTE.equals(invoice.type())) {
            throw illegalTransition(CREDIT_NOTE_NOT_PAYABLE, invoice);
        }
        if (!InvoiceTypes.ISSUED.equals(invoice.status())) {
            throw illegalTransition(ONLY_ISSUED_PAYS, invoice);
        }
        invoices.markPaid(tenantId, id);
        return emit(tenantId, "invoice.paid", load(tenantId, id));
    }

    /**
     * Cancels an issued document the only lawful way: a credit note with its own number that
     * references it. The original stays, marked {@code cancelled}. Returns the credit note.
     */
    @Transactional
    public Invoice credit(UUID tenantId, UUID id) {
        Invoice original = invoices.findForUpdate(tenantId, id).orElseThrow(ApiException::notFound);
        if (InvoiceTypes.CREDIT_NOTE.equals(original.type())) {
            throw illegalTransition(CREDIT_NOTE_NOT_CREDITABLE, original);
        }
        if (!Set.of(InvoiceTypes.ISSUED, InvoiceTypes.PAID, InvoiceTypes.AWAITING_ALLOCATION)
                .contains(original.status())) {
            throw illegalTransition(ONLY_ISSUED_CREDITS, original);
        }
        UUID creditId = UUID.randomUUID();
        long number = numbers.next(tenantId, InvoiceTypes.CREDIT_NOTE);
        invoices.insertCreditNote(tenantId, creditId, original, number);
        invoices.markCancelled(tenantId, id, creditId);
        // The timeline reads invoice.credited as "this document was credited" (ADR 0005), so it
        // is about the original and names its credit note; the credit note is itself issued.
        Invoice creditNote = emit(tenantId, "invoice.issued", load(tenantId, creditId));
        Invoice cancelled = load(tenantId, id);
        emit(tenantId, "invoice.credited", cancelled, creditNote);
        emit(tenantId, "invoice.cancelled", cancelled);
        return creditNote;
    }

    private Invoice askForAllocation(UUID tenantId, Invoice invoice) {
        AllocationProvider.Answer answer;
        try {
            answer = allocations.request(new AllocationProvider.Request(
                    tenantId,
                    invoice.id(),
                    settings.get(tenantId).businessId(),
                    invoice.customerVatId(),
                    invoice.number(),
                    invoice.type(),
                    IsraelTime.localDate(invoice.issuedAt()),
                    invoice.subtotalAgorot(),
                    invoice.vatAgorot(),
                    invoice.totalAgorot()));
        } catch (RuntimeException e) {
            // The invoice stays awaiting allocation with its number; the retry endpoint asks again.
            log.warn("Allocation request for invoice {} failed; it stays pending: {}", invoice.id(), e.toString());
            return load(tenantId, invoice.id());
        }
        return transactions.execute(status -> {
            if (answer.isAllocated()) {
                if (invoices.recordAllocated(tenantId, invoice.id(), answer.allocationNumber(), answer.sandbox())) {
                    return emit(tenantId, "invoice.issued", load(tenantId, invoice.id()));
                }
            } else {
                invoices.recordRejected(tenantId, invoice.id(), answer.rejectionReason(), answer.sandbox());
            }
            return load(tenantId, invoice.id());
        });
    }

    private Invoice load(UUID tenantId, UUID id) {
        return invoices.find(tenantId, id).orElseThrow(ApiException::notFound);
    }

    private Invoice emit(UUID tenantId, String type, Invoice i) {
        return emit(tenantId, type, i, null);
    }

    private Invoice emit(UUID tenantId, String type, Invoice i, Invoice creditNote) {
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

    private static ApiException illegalTransition(String message, Invoice invoice) {
        return new ApiException(HttpStatus.CONFLICT, "invalid_transition", message, Map.of("status", invoice.status()));
    }
}
