package dev.agentlocator.billing.exports;

import dev.agentlocator.billing.exports.ExportService.Download;
import dev.agentlocator.platform.kit.errors.ApiException;
import dev.agentlocator.platform.kit.features.Features;
import dev.agentlocator.platform.kit.features.RequiresFeature;
import dev.agentlocator.platform.kit.security.CurrentUser;
import dev.agentlocator.platform.kit.security.Roles;
import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The owner's downloads for the accountant and the Tax Authority. */
@RestController
@RequestMapping("/api/invoices/exports")
@RequiresFeature(Features.INVOICES)
@PreAuthorize(Roles.OWNER_ONLY)
class ExportController {

    static final MediaType ZIP = MediaType.parseMediaType("application/zip");

    private final ExportService exports;

    ExportController(ExportService exports) {
        this.exports = exports;
    }

    @GetMapping("/unified-format")
    @Operation(
            summary = "The Tax Authority's unified format (מבנה אחיד 1.31: INI.TXT and BKMVDATA) for the documents"
                    + " dated from..to (inclusive, YYYY-MM-DD), as a ZIP laid out under OPENFRMT/")
    ResponseEntity<byte[]> unifiedFormat(@RequestParam String from, @RequestParam String to, CurrentUser caller) {
        return download(exports.booksExport(caller.tenantId(), day(from, "from"), day(to, "to")));
    }

    @GetMapping("/accountant-package")
    @Operation(summary = "Every document of the month (YYYY-MM): a CSV and each document's PDF, in one ZIP")
    ResponseEntity<byte[]> accountantPackage(@RequestParam String month, CurrentUser caller) {
        try {
            return download(exports.accountantPackage(
                    caller.tenantId(), YearMonth.parse(month).atDay(1)));
        } catch (DateTimeParseException e) {
            throw invalid("month", "חודש לא תקין. לדוגמה: 2026-11");
        }
    }

    private static ResponseEntity<byte[]> download(Download file) {
        return ResponseEntity.ok()
                .contentType(ZIP)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(file.filename())
                                .build()
                                .toString())
                .body(file.bytes());
    }

    private static LocalDate day(String value, String parameter) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(parameter, "תאריך לא תקין בפרמטר " + parameter + ". לדוגמה: 2026-11-01");
        }
    }

    private static ApiException invalid(String parameter, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "invalid_parameter", message, Map.of("parameter", parameter));
    }
}
