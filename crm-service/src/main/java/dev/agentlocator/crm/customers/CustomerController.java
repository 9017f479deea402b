package dev.agentlocator.crm.customers;

import dev.agentlocator.crm.customers.CustomerRequests.CreateCustomerRequest;
import dev.agentlocator.crm.customers.CustomerRequests.UpdateCustomerRequest;
import dev.agentlocator.platform.kit.csv.Csv;
import dev.agentlocator.platform.kit.errors.ApiException;
import dev.agentlocator.platform.kit.features.Features;
import dev.agentlocator.platform.kit.features.RequiresFeature;
import dev.agentlocator.platform.kit.paging.Page;
import dev.agentlocator.platform.kit.paging.PageRequest;
import dev.agentlocator.platform.kit.paging.SortOrder;
import dev.agentlocator.platform.kit.security.CurrentUser;
import dev.agentlocator.platform.kit.security.Roles;
import dev.agentlocator.platform.kit.text.Text;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/crm/customers")
@RequiresFeature(Features.CRM)
class CustomerController {

    /** API field → column, for {@code sort}. */
    private static final Map<String, String> SORTABLE =
            Map.of("name", "name", "createdAt", "created_at", "updatedAt", "updated_at", "status", "status");

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final CustomerService customers;
    private final CustomerImport imports;

    CustomerController(CustomerService customers, CustomerImport imports) {
        this.customers = customers;
        this.imports = imports;
    }

    /** {@code page} and {@code limit} arrive as text so that bad values get a clear message. */
    @GetMapping
    @PreAuthorize(Roles.CAN_READ)
    Page<Customer> list(
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String tag,
            @RequestParam(required = false) UUID ownerId,
            @RequestParam(required = false) String source,
            CurrentUser caller) {
        return customers.list(
                caller.tenantId(),
                filter(q, status, tag, ownerId, source),
                SortOrder.parse(sort, SORTABLE),
                PageRequest.parse(page, limit));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Roles.CAN_WRITE)
    Customer create(@Valid @RequestBody CreateCustomerRequest request, CurrentUser caller) {
        return customers.create(caller.tenantId(), request);
    }

    @GetMapping("/{id}")
    @PreAuthorize(Roles.CAN_READ)
    Customer get(@PathVariable UUID id, CurrentUser caller) {
        return customers.get(caller.tenantId(), id);
    }

    @PatchMapping("/{id}")
    @PreAuthorize(Roles.CAN_WRITE)
    Customer update(@PathVariable UUID id, @Valid @RequestBody UpdateCustomerRequest request, CurrentUser caller) {
        return customers.update(caller.tenantId(), id, request);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(Roles.CAN_WRITE)
    void delete(@PathVariable UUID id, CurrentUser caller) {
        customers.delete(caller.tenantId(), id);
    }

    /**
     * The body's charset is the Content-Type's ({@code text/csv; charset=windows-1255}), else
     * UTF-8; bytes that are not valid in it are refused rather than imported as U+FFFD. An empty
     * body is an empty file, and the import says so.
     */
    @PostMapping(path = "/import", consumes = "text/csv")
    @PreAuthorize(Roles.CAN_WRITE)
    ImportReport importCsv(
            @RequestBody(required = false) byte[] csv,
            @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType contentType,
            CurrentUser caller) {
        Charset charset = contentType.getCharset() == null ? StandardCharsets.UTF_8 : contentType.getCharset();
        return imports.importCsv(caller.tenantId(), decode(csv == null ? new byte[0] : csv, charset));
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(Roles.CAN_WRITE)
    ImportReport importFile(@RequestPart("file") MultipartFile file, CurrentUser caller) {
        try {
            return imports.importCsv(caller.tenantId(), decode(file.getBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same cap as an uploaded file's ({@code spring.servlet.multipart.max-file-size}). */
    static final int MAX_IMPORT_BYTES = 5 * 1024 * 1024;

    private static String decode(byte[] bytes, Charset charset) {
        if (bytes.length > MAX_IMPORT_BYTES) {
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "payload_too_large", "הקובץ גדול מדי (עד 5MB)");
        }
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw ApiException.badRequest(
                    "invalid_encoding", "הקובץ אינו בקידוד " + charset.name() + ". שמרו אותו כ־CSV UTF-8 ונסו שוב");
        }
    }

    /** UTF-8 with a byte-order mark, so that Excel shows the Hebrew rather than mojibake. */
    @GetMapping("/export")
    @PreAuthorize(Roles.CAN_READ)
    ResponseEntity<byte[]> export(
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String tag,
            @RequestParam(required = false) UUID ownerId,
            @RequestParam(required = false) String source,
            CurrentUser caller) {
        var out = new StringBuilder().append(Csv.BOM);
        List<String> header = new ArrayList<>(CustomerImport.COLUMNS);
        header.add("createdAt");
        out.append(Csv.line(header));
        for (Customer c : customers.export(
                caller.tenantId(), filter(q, status, tag, ownerId, source), SortOrder.parse(sort, SORTABLE))) {
            out.append(Csv.line(List.of(
                    c.name(),
                    c.phone(),
                    Objects.toString(c.email(), ""),
                    Objects.toString(c.vatId(), ""),
                    c.status(),
                    c.source(),
                    String.join(";", c.tags()),
                    Objects.toString(c.notes(), ""),
                    Objects.toString(c.ownerId(), ""),
                    Objects.toString(c.area(), ""),
                    c.rooms() == null ? "" : c.rooms().toPlainString(),
                    Objects.toString(c.budgetAgorot(), ""),
                    Objects.toString(c.dealType(), ""),
                    c.createdAt().toString())));
        }
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("customers.csv")
                                .build()
                                .toString())
                .body(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static CustomerFilter filter(String q, String status, String tag, UUID ownerId, String source) {
        String query = Text.blankToNull(q);
        if (query != null && query.length() > 100) {
            throw ApiException.badRequest("invalid_query", "טקסט החיפוש ארוך מדי");
        }
        return new CustomerFilter(
                query, Text.blankToNull(status), Text.blankToNull(tag), ownerId, Text.blankToNull(source));
    }
}
