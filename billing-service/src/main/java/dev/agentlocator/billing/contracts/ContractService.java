package dev.agentlocator.billing.contracts;

import dev.agentlocator.billing.common.LineItem;
import dev.agentlocator.billing.common.LineRequest;
import dev.agentlocator.billing.common.Money;
import dev.agentlocator.billing.common.Money.Totals;
import dev.agentlocator.billing.contracts.ContractRequests.CreateContractRequest;
import dev.agentlocator.billing.contracts.ContractRequests.SigningLink;
import dev.agentlocator.billing.contracts.ContractRequests.UpdateContractRequest;
import dev.agentlocator.billing.customers.BillingCustomer;
import dev.agentlocator.billing.customers.CustomerDirectory;
import dev.agentlocator.billing.invoices.InvoiceService;
import dev.agentlocator.billing.settings.SettingsService;
import dev.agentlocator.platform.events.ContractEvent;
import dev.agentlocator.platform.kit.errors.ApiException;
import dev.agentlocator.platform.kit.paging.Page;
import dev.agentlocator.platform.kit.paging.PageRequest;
import dev.agentlocator.platform.kit.paging.SortOrder;
import dev.agentlocator.platform.kit.text.Text;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Quotes and contracts of a tenant, and sending them for signature. */
@Service
public class ContractService {

    static final String NOT_EDITABLE = "אי אפשר לערוך מסמך שנחתם או נדחה";
    static final String NOT_SENDABLE = "אי אפשר לשלוח לחתימה מסמך שנחתם או נדחה";

    static final String ALREADY_INVOICED = "ההצעה כבר הפכה לחשבונית";
    static final String NOT_INVOICEABLE = "אי אפשר להפיק חשבונית מהצעה שנדחתה או שפג תוקפה";

    private static final Set<String> FINAL = Set.of("signed", "declined");
    private static final Set<String> LINK_OUT = Set.of("sent", "viewed");
    private static final Set<String> INVOICEABLE = Set.of("draft", "sent", "viewed", "signed");

    private final ContractRepository contracts;
    private final CustomerDirectory customers;
    private final SettingsService settings;
    private final ContractEvents events;
    private final ContractsProperties properties;
    private final ContractPdf renderer;
    private final InvoiceService invoices;

    ContractService(
            ContractRepository contracts,
            CustomerDirectory customers,
            SettingsService settings,
            ContractEvents events,
            ContractsProperties properties,
            ContractPdf renderer,
            InvoiceService invoices) {
        this.invoices = invoices;
        this.contracts = contracts;
        this.customers = customers;
        this.settings = settings;
        this.events = events;
        this.properties = properties;
        this.renderer = renderer;
    }

    @Transactional
    public Contract create(UUID tenantId, CreateContractRequest r) {
        BillingCustomer customer = customers.require(tenantId, r.customerId());
        List<LineItem> lines = r.lines().stream().map(LineRequest::toItem).toList();
        Totals totals = Money.totals(lines, settings.get(tenantId).vatRateBasisPoints());
        UUID id = UUID.randomUUID();
        contracts.insert(
                tenantId,
                id,
                customer.id(),
                customer.name(),
                r.title().trim(),
                Text.blankToNull(r.terms()),
                lines,
                totals);
        return events.emit(tenantId, ContractEvent.CREATED, load(tenantId, id));
    }

    @Transactional(readOnly = true)
    public Contract get(UUID tenantId, UUID id) {
        return load(tenantId, id);
    }

    @Transactional(readOnly = true)
    public Page<Contract> list(UUID tenantId, String status, UUID customerId, SortOrder sort, PageRequest page) {
        long total = contracts.count(tenantId, status, customerId);
        List<Contract> items =
                contracts.list(tenantId, status, customerId, sort.orderBy(), page.offset(), page.limit());
        return new Page<>(items, page.page(), page.limit(), total, page.pages(total));
    }

    @Transactional(readOnly = true)
    public List<Contract> export(UUID tenantId, String status, UUID customerId, SortOrder sort) {
        return contracts.list(tenantId, status, customerId, sort.orderBy(), 0, Integer.MAX_VALUE);
    }

    @Transactional
    public Contract update(UUID tenantId, UUID id, UpdateContractRequest r) {
        Contract current = contracts.findForUpdate(tenantId, id).orElseThrow(ApiException::notFound);
        if (FINAL.contains(current.status())) {
            throw conflict(NOT_EDITABLE, current);
        }
        List<LineItem> lines =
                r.lines() != null ? r.lines().stream().map(LineRequest::toItem).toList() : current.lines();
        Totals totals = Money.totals(lines, settings.get(tenantId).vatRateBasisPoints());
        String title = r.title() != null ? r.title().trim() : current.title();
        if (title.isEmpty()) {
            throw new ApiException(
                    HttpStatus.BAD_REQUEST,
                    "validation_failed",
                    "חלק מהשדות אינם תקינים",
                    Map.of("fields", Map.of("title", "יש להזין כותרת")));
        }
        String terms = r.terms() != null ? Text.blankToNull(r.terms()) : current.terms();
        contracts.updateContent(tenantId, id, title, terms, lines, totals);
        // The edit returns the document to draft and voids a link out for signature: the timeline says so.
        boolean linkWithdrawn = LINK_OUT.contains(current.status());
        return events.emit(tenantId, ContractEvent.UPDATED, load(tenantId, id), linkWithdrawn);
    }

    /**
     * The quote becomes a draft invoice of {@code type} with its customer and lines, in one action and
     * once: a second time answers 409 with the invoice it already became. A declined or expired quote
     * does not become one.
     */
    @Transactional
    public Contract toInvoice(UUID tenantId, UUID id, String type) {
        Contract current = contracts.findForUpdate(tenantId, id).orElseThrow(ApiException::notFound);
        if (current.invoiceId() != null) {
            throw new ApiException(
                    HttpStatus.CONFLICT,
                    "already_invoiced",
                    ALREADY_INVOICED,
                    Map.of("invoiceId", current.invoiceId().toString()));
        }
        if (!INVOICEABLE.contains(current.status())) {
            throw conflict(NOT_INVOICEABLE, current);
        }
        UUID invoiceId = invoices.draft(tenantId, current.customerId(), type, current.lines());
        contracts.markInvoiced(tenantId, id, invoiceId);
        return load(tenantId, id);
    }

    /**
     * A fresh one-time link; an earlier link of the same contract stops working. The token itself
     * is returned once, here, and never stored.
     */
    @Transactional
    public SigningLink send(UUID tenantId, UUID id) {
        Contract current = contracts.findForUpdate(tenantId, id).orElseThrow(ApiException::notFound);
        if (FINAL.contains(current.status())) {
            throw conflict(NOT_SENDABLE, current);
        }
        String token = SigningTokens.newToken();
        OffsetDateTime expiresAt = OffsetDateTime.now().plus(properties.signingLinkTtl());
        contracts.markSent(tenantId, id, SigningTokens.hash(token), expiresAt);
        events.emit(tenantId, ContractEvent.SENT, load(tenantId, id));
        return new SigningLink(properties.signingPath() + token, expiresAt);
    }

    /** The signed PDF once signed (the very bytes produced at signing), else the unsigned document. */
    @Transactional(readOnly = true)
    public byte[] pdf(UUID tenantId, UUID id) {
        Contract contract = load(tenantId, id);
        return contracts
                .signedPdf(tenantId, id)
                .orElseGet(() -> renderer.render(contract, settings.get(tenantId), null));
    }

    private Contract load(UUID tenantId, UUID id) {
        return contracts.find(tenantId, id).orElseThrow(ApiException::notFound);
    }

    private static ApiException conflict(String message, Contract contract) {
        return new ApiException(
                HttpStatus.CONFLICT, "invalid_transition", message, Map.of("status", contract.status()));
    }
}
