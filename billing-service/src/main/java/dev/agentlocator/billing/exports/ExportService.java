package dev.agentlocator.billing.exports;

import dev.agentlocator.billing.common.CsvExport;
import dev.agentlocator.billing.common.IsraelTime;
import dev.agentlocator.billing.common.Money;
import dev.agentlocator.billing.common.SoftwareProperties;
import dev.agentlocator.billing.invoices.Invoice;
import dev.agentlocator.billing.invoices.InvoiceDocuments;
import dev.agentlocator.billing.settings.BillingSettings;
import dev.agentlocator.billing.settings.SettingsService;
import dev.agentlocator.platform.kit.errors.ApiException;
import dev.agentlocator.platform.kit.israel.IsraeliIds;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** What the accountant takes away: the unified-format files and the monthly package of documents. */
@Service
public class ExportService {

    static final String BUSINESS_ID_REQUIRED =
            "להפקת קבצים במבנה אחיד יש להזין בהגדרות החיוב את מספר העוסק המורשה של העסק (9 ספרות).";
    static final String RANGE = "טווח התאריכים אינו תקין: תאריך ההתחלה צריך להיות לפני תאריך הסיום, ועד 5 שנים";

    static final List<String> PACKAGE_HEADER = List.of(
            "מספר",
            "סוג מסמך",
            "תאריך",
            "לקוח",
            "מספר עוסק של הלקוח",
            "סכום לפני מע״מ",
            "מע״מ",
            "סה״כ",
            "מספר הקצאה",
            "סטטוס");

    /** A file to download. */
    public record Download(String filename, byte[] bytes) {}

    private final InvoiceDocuments documents;
    private final SettingsService settings;
    private final SoftwareProperties software;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ExportService(InvoiceDocuments documents, SettingsService settings, SoftwareProperties software, Clock clock) {
        this.documents = documents;
        this.settings = settings;
        this.software = software;
        this.clock = clock;
    }

    /**
     * The unified format for the documents dated {@code from}..{@code to}, laid out as section 2.2 of the
     * specification asks: {@code OPENFRMT/<first 8 digits of the VAT number>.<YY>/<MMDDhhmm>/} holding
     * INI.TXT and BKMVDATA.TXT compressed into an archive named BKMVDATA.
     */
    public Download booksExport(UUID tenantId, LocalDate from, LocalDate to) {
        checkRange(from, to);
        BillingSettings business = settings.get(tenantId);
        if (!IsraeliIds.isValid(business.businessId())) {
            throw new ApiException(HttpStatus.CONFLICT, "business_id_required", BUSINESS_ID_REQUIRED);
        }
        String vat = IsraeliIds.normalize(business.businessId());
        ZonedDateTime started = ZonedDateTime.now(clock.withZone(IsraelTime.ZONE));
        String folder = "OPENFRMT/" + vat.substring(0, 8) + "." + started.format(DateTimeFormatter.ofPattern("yy"))
                + "/" + started.format(DateTimeFormatter.ofPattern("MMddHHmm"));
        List<Invoice> issued = documents.issued(tenantId, from, to);
        Map<UUID, Invoice> credited = new HashMap<>();
        for (Invoice i : issued) {
            if (i.creditOf() != null) {
                documents.find(tenantId, i.creditOf()).ifPresent(original -> credited.put(original.id(), original));
            }
        }
        var files = UnifiedFormat.write(
                new UnifiedFormat.Business(
                        Long.parseLong(vat), Objects.toString(business.businessName(), ""), business.address()),
                software,
                new UnifiedFormat.Run(from, to, started, primaryId(), folder.replace('/', '\\')),
                issued,
                documents.payments(tenantId, issued.stream().map(Invoice::id).toList()),
                credited);
        byte[] data = zip(Map.of("BKMVDATA.TXT", files.data()));
        byte[] zip = zip(Map.of(folder + "/INI.TXT", files.ini(), folder + "/BKMVDATA.zip", data));
        return new Download("OPENFRMT-" + vat + "-" + from + "-" + to + ".zip", zip);
    }

    /** Every document of the month as a CSV, and each one's PDF (a true copy), in one archive. */
    public Download accountantPackage(UUID tenantId, LocalDate month) {
        LocalDate from = month.withDayOfMonth(1);
        LocalDate to = from.plusMonths(1).minusDays(1);
        List<Invoice> issued = documents.issued(tenantId, from, to);
        byte[] csv = CsvExport.bytes(PACKAGE_HEADER, issued, i -> {
            long sign = i.isCreditNote() ? -1 : 1;
            return List.of(
                    Long.toString(i.number()),
                    i.title(),
                    IsraelTime.day(i.issuedAt()),
                    i.customerName(),
                    Objects.toString(i.customerVatId(), ""),
                    Money.amount(sign * i.subtotalAgorot()),
                    Money.amount(sign * i.vatAgorot()),
                    Money.amount(sign * i.totalAgorot()),
                    Objects.toString(i.allocationNumber(), ""),
                    i.statusLabel());
        });
        Map<String, byte[]> entries = new LinkedHashMap<>();
        String name = "documents-" + from.toString().substring(0, 7);
        entries.put(name + ".csv", csv);
        for (Invoice i : issued) {
            entries.put("pdf/" + i.type() + "-" + i.number() + ".pdf", documents.pdf(tenantId, i.id(), true));
        }
        return new Download(name + ".zip", zip(entries));
    }

    /** Section 2.4 א: a random 15-digit number, new for every production. */
    private long primaryId() {
        return 100_000_000_000_000L + (long) (random.nextDouble() * 899_999_999_999_999L);
    }

    private static void checkRange(LocalDate from, LocalDate to) {
        if (from.isAfter(to) || from.plusYears(5).isBefore(to)) {
            throw ApiException.badRequest("invalid_range", RANGE);
        }
    }

    private static byte[] zip(Map<String, byte[]> entries) {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            for (var entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
