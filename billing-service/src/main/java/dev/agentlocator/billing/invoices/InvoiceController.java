package dev.agentlocator.billing.invoices;

import dev.agentlocator.billing.common.CsvExport;
import dev.agentlocator.billing.common.IsraelTime;
import dev.agentlocator.billing.common.Money;
import dev.agentlocator.billing.invoices.InvoiceRequests.CreateInvoiceRequest;
import dev.agentlocator.billing.invoices.InvoiceRequests.CreateReceiptRequest;
import dev.agentlocator.billing.invoices.InvoiceRequests.IssueRequest;
import dev.agentlocator.billing.invoices.InvoiceRequests.UpdateInvoiceRequest;
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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
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
@RequestMapping("/api/invoices")
@RequiresFeature(Features.INVOICES)
class InvoiceController {

    /** API field → column, for {@code sort}. */
    private static final Map<String, String> SORTABLE = Map.of(
            "number",
            SortOrder.nullable("number"),
            "createdAt",
            "created_at",
            "issuedAt",
            SortOrder.nullable("issued_at"),
            "totalAgorot",
            "total_agorot",
            "status",
            "status",
            "customerName",
            "customer_name");

    private static final List<String> CSV_HEADER = List.of(
            "מספר",
            "סוג מסמך",
            "סטטוס",
            "לקוח",
            "מספר עוסק של הלקוח",
            "תאריך",
            "סכום לפני מע״מ",
            "מע״מ",
            "סה״כ",
            "מטבע",
            "מספר הקצאה",
            "מזהה");

    private static final Set<String> STATUSES = Set.of(
            InvoiceTypes.DRAFT,
            InvoiceTypes.AWAITING_ALLOCATION,
            InvoiceTypes.ISSUED,
            InvoiceTypes.PAID,
            InvoiceTypes.CANCELLED);
    private static final Set<String> TYPES = InvoiceTypes.TITLES.keySet();

    private final InvoiceService invoices;
    private final ReceiptService receipts;
    private final InvoiceDocuments documents;

    InvoiceController(InvoiceService invoices, ReceiptService receipts, InvoiceDocuments documents) {
        this.invoices = invoices;
        this.receipts = receipts;
        this.documents = documents;
    }

    /** {@code page} and {@code limit} arrive as text so that bad values get a clear message. */
    @GetMapping
    @PreAuthorize(Roles.CAN_READ)
    Page<InvoiceView> list(
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) UUID customerId,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            CurrentUser caller) {
        Page<Invoice> found = invoices.list(
                caller.tenantId(),
                filter(status, type, customerId, from, to),
                SortOrder.parse(sort, SORTABLE),
                PageRequest.parse(page, limit));
        return new Page<>(
                found.items().stream().map(documents::row).toList(),
                found.page(),
                found.limit(),
                found.total(),
                found.pages());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Roles.CAN_WRITE)
    InvoiceView create(@Valid @RequestBody CreateInvoiceRequest request, CurrentUser caller) {
        return documents.row(invoices.create(caller.tenantId(), request));
    }

    @GetMapping("/{id}")
    @PreAuthorize(Roles.CAN_READ)
    @Operation(summary = "A document with its payments and the receipts or invoices it is settled with")
    InvoiceView get(@PathVariable UUID id, CurrentUser caller) {
        return documents.view(caller.tenantId(), id);
    }

    /** Edits a draft (customer, type, lines); an issued document is corrected by a credit note → 409. */
    @PatchMapping("/{id}")
    @PreAuthorize(Roles.CAN_WRITE)
    InvoiceView update(@PathVariable UUID id, @Valid @RequestBody UpdateInvoiceRequest request, CurrentUser caller) {
        return documents.row(invoices.update(caller.tenantId(), id, request));
    }

    /** Deletes a draft; an issued document is never deleted (409), it is cancelled by a credit note. */
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(Roles.CAN_WRITE)
    void delete(@PathVariable UUID id, CurrentUser caller) {
        invoices.deleteDraft(caller.tenantId(), id);
    }

    @PostMapping("/{id}/issue")
    @PreAuthorize(Roles.CAN_WRITE)
    @Operation(
            summary = "Numbers a draft and freezes it; a tax invoice-receipt brings its payments, which must add"
                    + " up to its total. An invoice needing an allocation number comes back awaiting_allocation"
                    + " (or issued, if the first request was answered at once).")
    InvoiceView issue(
            @PathVariable UUID id, @Valid @RequestBody(required = false) IssueRequest request, CurrentUser caller) {
        return documents.view(
                caller.tenantId(), invoices.issue(caller.tenantId(), id, request == null ? null : request.payments()));
    }

    /** Asks the allocation provider again for an invoice still awaiting its allocation number. */
    @PostMapping("/{id}/allocation")
    @PreAuthorize(Roles.CAN_WRITE)
    @Operation(summary = "Asks for the allocation number again now, with the same request as before")
    InvoiceView retryAllocation(@PathVariable UUID id, CurrentUser caller) {
        return documents.row(invoices.retryAllocation(caller.tenantId(), id));
    }

    @PostMapping("/{id}/pay")
    @PreAuthorize(Roles.CAN_WRITE)
    @Operation(
            summary = "Pays the rest of an issued tax invoice in one action and issues its receipt (one payment,"
                    + " method other); to record the real method, use POST /api/invoices/receipts")
    InvoiceView pay(@PathVariable UUID id, CurrentUser caller) {
        return documents.row(invoices.pay(caller.tenantId(), id));
    }

    /** A receipt for payments against one or more of a customer's issued tax invoices. */
    @PostMapping("/receipts")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Roles.CAN_WRITE)
    @Operation(
            summary = "Records payments (cash, cheque, bank transfer, credit card, Bit, other) against issued tax"
                    + " invoices and issues the receipt for them; an invoice is paid once its receipts cover it")
    InvoiceView receipt(@Valid @RequestBody CreateReceiptRequest request, CurrentUser caller) {
        Invoice receipt = receipts.record(caller.tenantId(), request.invoiceIds(), request.payments());
        return documents.view(caller.tenantId(), receipt);
    }

    /** Returns the new credit note; the original is now {@code cancelled}. */
    @PostMapping("/{id}/credit")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Roles.CAN_WRITE)
    InvoiceView credit(@PathVariable UUID id, CurrentUser caller) {
        return documents.row(invoices.credit(caller.tenantId(), id));
    }

    @GetMapping("/{id}/pdf")
    @PreAuthorize(Roles.CAN_READ)
    @Operation(
            summary = "The document's PDF: the first one produced is the original (מקור), every later one a true"
                    + " copy (העתק נאמן למקור); copy=true asks for a copy without producing the original")
    ResponseEntity<byte[]> pdf(
            @PathVariable UUID id, @RequestParam(defaultValue = "false") boolean copy, CurrentUser caller) {
        Invoice invoice = invoices.get(caller.tenantId(), id);
        byte[] body = documents.pdf(caller.tenantId(), id, copy);
        String name = invoice.type() + "-" + (invoice.number() == null ? "draft" : invoice.number()) + ".pdf";
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(name).build().toString())
                .body(body);
    }

    /** The list's filters and sort, every row, as a CSV download (see {@link CsvExport}). */
    @GetMapping("/export")
    @PreAuthorize(Roles.CAN_READ)
    ResponseEntity<byte[]> export(
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) UUID customerId,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            CurrentUser caller) {
        List<InvoiceView> rows = invoices
                .export(caller.tenantId(), filter(status, type, customerId, from, to), SortOrder.parse(sort, SORTABLE))
                .stream()
                .map(documents::row)
                .toList();
        return CsvExport.attachment(
                "invoices.csv",
                CSV_HEADER,
                rows,
                i -> List.of(
                        Objects.toString(i.number(), ""),
                        i.title(),
                        InvoiceTypes.STATUS_LABELS.get(i.status()),
                        i.customerName(),
                        Objects.toString(i.customerVatId(), ""),
                        IsraelTime.day(i.issuedAt() != null ? i.issuedAt() : i.createdAt()),
                        Money.amount(i.subtotalAgorot()),
                        Money.amount(i.vatAgorot()),
                        Money.amount(i.totalAgorot()),
                        i.currency(),
                        Objects.toString(i.allocationNumber(), ""),
                        i.id().toString()));
    }

    private static InvoiceFilter filter(String status, String type, UUID customerId, String from, String to) {
        String s = Text.blankToNull(status);
        if (s != null && !STATUSES.contains(s)) {
            throw invalidParameter("status", "סטטוס לא מוכר: " + s);
        }
        String t = Text.blankToNull(type);
        if (t != null && !TYPES.contains(t)) {
            throw invalidParameter("type", "סוג מסמך לא מוכר: " + t);
        }
        OffsetDateTime start = date(from, "from", false);
        OffsetDateTime end = date(to, "to", true);
        return new InvoiceFilter(s, t, customerId, start, end);
    }

    /** A day ({@code 2026-11-01}, whole Israeli day, {@code to} inclusive) or an exact ISO-8601 time. */
    private static OffsetDateTime date(String raw, String parameter, boolean endOfRange) {
        String value = Text.blankToNull(raw);
        if (value == null) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfRange ? day.plusDays(1) : day)
                        .atStartOfDay(IsraelTime.ZONE)
                        .toOffsetDateTime();
            }
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw invalidParameter(parameter, "תאריך לא תקין בפרמטר " + parameter + ". לדוגמה: 2026-11-01");
        }
    }

    private static ApiException invalidParameter(String parameter, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "invalid_parameter", message, Map.of("parameter", parameter));
    }
}
