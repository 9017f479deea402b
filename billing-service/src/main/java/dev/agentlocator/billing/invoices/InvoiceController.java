package dev.agentlocator.billing.invoices;

import dev.agentlocator.billing.common.CsvExport;
import dev.agentlocator.billing.common.IsraelTime;
import dev.agentlocator.billing.common.Money;
import dev.agentlocator.billing.common.Text;
import dev.agentlocator.billing.invoices.InvoiceRequests.CreateInvoiceRequest;
import dev.agentlocator.billing.invoices.InvoiceRequests.UpdateInvoiceRequest;
import dev.agentlocator.billing.settings.SettingsService;
import dev.agentlocator.platform.kit.errors.ApiException;
import dev.agentlocator.platform.kit.features.Features;
import dev.agentlocator.platform.kit.features.RequiresFeature;
import dev.agentlocator.platform.kit.paging.Page;
import dev.agentlocator.platform.kit.paging.PageRequest;
import dev.agentlocator.platform.kit.paging.SortOrder;
import dev.agentlocator.platform.kit.security.CurrentUser;
import dev.agentlocator.platform.kit.security.Roles;
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
    private final InvoicePdf pdf;
    private final SettingsService settings;

    InvoiceController(InvoiceService invoices, InvoicePdf pdf, SettingsService settings) {
        this.invoices = invoices;
        this.pdf = pdf;
        this.settings = settings;
    }

    /** {@code page} and {@code limit} arrive as text so that bad values get a clear message. */
    @GetMapping
    @PreAuthorize(Roles.CAN_READ)
    Page<Invoice> list(
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) UUID customerId,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            CurrentUser caller) {
        return invoices.list(
                caller.tenantId(),
                filter(status, type, customerId, from, to),
                SortOrder.parse(sort, SORTABLE),
                PageRequest.parse(page, limit));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Roles.CAN_WRITE)
    Invoice create(@Valid @RequestBody CreateInvoiceRequest request, CurrentUser caller) {
        return invoices.create(caller.tenantId(), request);
    }

    @GetMapping("/{id}")
    @PreAuthorize(Roles.CAN_READ)
    Invoice get(@PathVariable UUID id, CurrentUser caller) {
        return invoices.get(caller.tenantId(), id);
    }

    /** Edits a draft (customer, type, lines); an issued document is corrected by a credit note → 409. */
    @PatchMapping("/{id}")
    @PreAuthorize(Roles.CAN_WRITE)
    Invoice update(@PathVariable UUID id, @Valid @RequestBody UpdateInvoiceRequest request, CurrentUser caller) {
        return invoices.update(caller.tenantId(), id, request);
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
    Invoice issue(@PathVariable UUID id, CurrentUser caller) {
        return invoices.issue(caller.tenantId(), id);
    }

    /** Asks the allocation provider again for an invoice still awaiting its allocation number. */
    @PostMapping("/{id}/allocation")
    @PreAuthorize(Roles.CAN_WRITE)
    Invoice retryAllocation(@PathVariable UUID id, CurrentUser caller) {
        return invoices.retryAllocation(caller.tenantId(), id);
    }

    @PostMapping("/{id}/pay")
    @PreAuthorize(Roles.CAN_WRITE)
    Invoice pay(@PathVariable UUID id, CurrentUser caller) {
        return invoices.pay(caller.tenantId(), id);
    }

    /** Returns the new credit note; the original is now {@code cancelled}. */
    @PostMapping("/{id}/credit")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Roles.CAN_WRITE)
    Invoice credit(@PathVariable UUID id, CurrentUser caller) {
        return invoices.credit(caller.tenantId(), id);
    }

    @GetMapping("/{id}/pdf")
    @PreAuthorize(Roles.CAN_READ)
    ResponseEntity<byte[]> pdf(@PathVariable UUID id, CurrentUser caller) {
        Invoice invoice = invoices.get(caller.tenantId(), id);
        Invoice original = invoice.creditOf() == null ? null : invoices.get(caller.tenantId(), invoice.creditOf());
        byte[] body = pdf.render(invoice, settings.get(caller.tenantId()), original);
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
        List<Invoice> rows = invoices.export(
                caller.tenantId(), filter(status, type, customerId, from, to), SortOrder.parse(sort, SORTABLE));
        return CsvExport.attachment(
                "invoices.csv",
                CSV_HEADER,
                rows,
                i -> List.of(
                        Objects.toString(i.number(), ""),
                        i.title(),
                        i.statusLabel(),
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
