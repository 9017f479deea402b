package dev.agentlocator.billing.contracts;

import dev.agentlocator.billing.common.CsvExport;
import dev.agentlocator.billing.common.IsraelTime;
import dev.agentlocator.billing.common.Money;
import dev.agentlocator.billing.contracts.ContractRequests.CreateContractRequest;
import dev.agentlocator.billing.contracts.ContractRequests.SigningLink;
import dev.agentlocator.billing.contracts.ContractRequests.ToInvoiceRequest;
import dev.agentlocator.billing.contracts.ContractRequests.UpdateContractRequest;
import dev.agentlocator.platform.kit.errors.ApiException;
import dev.agentlocator.platform.kit.features.Features;
import dev.agentlocator.platform.kit.features.RequiresFeature;
import dev.agentlocator.platform.kit.paging.Page;
import dev.agentlocator.platform.kit.paging.PageRequest;
import dev.agentlocator.platform.kit.paging.SortOrder;
import dev.agentlocator.platform.kit.security.CurrentUser;
import dev.agentlocator.platform.kit.security.Roles;
import dev.agentlocator.platform.kit.text.Text;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/contracts")
@RequiresFeature(Features.CONTRACTS)
class ContractController {

    /** API field → column, for {@code sort}. */
    private static final Map<String, String> SORTABLE = Map.of(
            "createdAt",
            "created_at",
            "updatedAt",
            "updated_at",
            "title",
            "title",
            "status",
            "status",
            "totalAgorot",
            "total_agorot",
            "customerName",
            "customer_name");

    private static final List<String> CSV_HEADER = List.of(
            "כותרת",
            "לקוח",
            "סטטוס",
            "סכום לפני מע״מ",
            "מע״מ",
            "סה״כ",
            "מטבע",
            "נוצר",
            "נשלח",
            "נחתם",
            "שם החותם",
            "מזהה");

    private final ContractService contracts;

    ContractController(ContractService contracts) {
        this.contracts = contracts;
    }

    @GetMapping
    @PreAuthorize(Roles.CAN_READ)
    Page<Contract> list(
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) UUID customerId,
            CurrentUser caller) {
        return contracts.list(
                caller.tenantId(),
                status(status),
                customerId,
                SortOrder.parse(sort, SORTABLE),
                PageRequest.parse(page, limit));
    }

    /** The list's filters and sort, every row, as a CSV download (see {@link CsvExport}). */
    @GetMapping("/export")
    @PreAuthorize(Roles.CAN_READ)
    ResponseEntity<byte[]> export(
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) UUID customerId,
            CurrentUser caller) {
        List<Contract> rows =
                contracts.export(caller.tenantId(), status(status), customerId, SortOrder.parse(sort, SORTABLE));
        return CsvExport.attachment(
                "contracts.csv",
                CSV_HEADER,
                rows,
                c -> List.of(
                        c.title(),
                        c.customerName(),
                        ContractStatuses.LABELS.get(c.status()),
                        Money.amount(c.subtotalAgorot()),
                        Money.amount(c.vatAgorot()),
                        Money.amount(c.totalAgorot()),
                        c.currency(),
                        IsraelTime.day(c.createdAt()),
                        IsraelTime.day(c.sentAt()),
                        IsraelTime.day(c.signedAt()),
                        Objects.toString(c.signerName(), ""),
                        c.id().toString()));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Roles.CAN_WRITE)
    Contract create(@Valid @RequestBody CreateContractRequest request, CurrentUser caller) {
        return contracts.create(caller.tenantId(), request);
    }

    @GetMapping("/{id}")
    @PreAuthorize(Roles.CAN_READ)
    Contract get(@PathVariable UUID id, CurrentUser caller) {
        return contracts.get(caller.tenantId(), id);
    }

    @PatchMapping("/{id}")
    @PreAuthorize(Roles.CAN_WRITE)
    Contract update(@PathVariable UUID id, @Valid @RequestBody UpdateContractRequest request, CurrentUser caller) {
        return contracts.update(caller.tenantId(), id, request);
    }

    /** Sending for signature is the e-signature feature, which a tenant can switch off on its own. */
    @PostMapping("/{id}/send")
    @RequiresFeature(Features.SIGNATURES)
    @PreAuthorize(Roles.CAN_WRITE)
    SigningLink send(@PathVariable UUID id, CurrentUser caller) {
        return contracts.send(caller.tenantId(), id);
    }

    /**
     * The quote becomes a draft invoice (its customer and lines) in one action; the answer is the quote
     * with {@code invoiceId}. Needs the invoices feature, whatever the contracts one says.
     */
    @PostMapping("/{id}/invoice")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresFeature(Features.INVOICES)
    @PreAuthorize(Roles.CAN_WRITE)
    @Operation(summary = "Turns the quote into a draft tax invoice (or tax invoice-receipt) with its lines, once")
    Contract invoice(
            @PathVariable UUID id, @Valid @RequestBody(required = false) ToInvoiceRequest request, CurrentUser caller) {
        String type = request == null || request.type() == null ? "tax_invoice" : request.type();
        return contracts.toInvoice(caller.tenantId(), id, type);
    }

    @GetMapping("/{id}/pdf")
    @PreAuthorize(Roles.CAN_READ)
    ResponseEntity<byte[]> pdf(@PathVariable UUID id, CurrentUser caller) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename("contract-" + id + ".pdf")
                                .build()
                                .toString())
                .body(contracts.pdf(caller.tenantId(), id));
    }

    private static String status(String raw) {
        String s = Text.blankToNull(raw);
        if (s != null && !ContractStatuses.LABELS.containsKey(s)) {
            throw new ApiException(
                    HttpStatus.BAD_REQUEST, "invalid_parameter", "סטטוס לא מוכר: " + s, Map.of("parameter", "status"));
        }
        return s;
    }
}
