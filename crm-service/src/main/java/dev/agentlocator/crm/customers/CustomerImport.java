package dev.agentlocator.crm.customers;

import dev.agentlocator.crm.customers.CustomerRequests.CreateCustomerRequest;
import dev.agentlocator.crm.customers.ImportReport.RejectedRow;
import dev.agentlocator.platform.kit.csv.Csv;
import dev.agentlocator.platform.kit.errors.ApiException;
import dev.agentlocator.platform.kit.phone.PhoneNumbers;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * CSV import: a header row names the columns (English as in the export, or Hebrew); each row is
 * created, skipped as a duplicate by phone, or rejected with the reason in Hebrew.
 */
@Service
class CustomerImport {

    static final List<String> COLUMNS = List.of(
            "name",
            "phone",
            "email",
            "vatId",
            "status",
            "source",
            "tags",
            "notes",
            "ownerId",
            "area",
            "rooms",
            "budgetAgorot",
            "dealType");

    private static final Map<String, String> HEBREW_HEADERS = Map.ofEntries(
            Map.entry("שם", "name"),
            Map.entry("טלפון", "phone"),
            Map.entry("אימייל", "email"),
            Map.entry("דוא\"ל", "email"),
            Map.entry("ח.פ.", "vatId"),
            Map.entry("עוסק מורשה", "vatId"),
            Map.entry("סטטוס", "status"),
            Map.entry("מקור", "source"),
            Map.entry("תגיות", "tags"),
            Map.entry("הערות", "notes"),
            Map.entry("אזור", "area"),
            Map.entry("חדרים", "rooms"),
            Map.entry("סוג עסקה", "dealType"));

    private static final int MAX_ROWS = 20_000;

    private final CustomerService customers;
    private final Validator validator;

    CustomerImport(CustomerService customers, Validator validator) {
        this.customers = customers;
        this.validator = validator;
    }

    @Transactional
    public ImportReport importCsv(UUID tenantId, String text) {
        List<List<String>> rows = Csv.parse(text);
        if (rows.isEmpty()) {
            throw ApiException.badRequest("empty_file", "הקובץ ריק. השורה הראשונה צריכה לכלול כותרות, למשל name,phone");
        }
        if (rows.size() - 1 > MAX_ROWS) {
            throw ApiException.badRequest("too_many_rows", "אפשר לייבא עד 20,000 שורות בקובץ אחד");
        }
        Map<String, Integer> header = header(rows.get(0));
        if (!header.containsKey("name") || !header.containsKey("phone")) {
            throw ApiException.badRequest("missing_columns", "בשורת הכותרות חייבות להופיע העמודות name ו־phone");
        }
        int created = 0;
        int duplicates = 0;
        List<RejectedRow> rejected = new ArrayList<>();
        Set<String> phonesInFile = new HashSet<>();
        for (int i = 1; i < rows.size(); i++) {
            int line = i + 1;
            List<String> row = rows.get(i);
            CustomerFields fields;
            try {
                fields = toFields(tenantId, header, row);
            } catch (RowRejected e) {
                rejected.add(new RejectedRow(line, e.getMessage()));
                continue;
            }
            if (!phonesInFile.add(fields.phone()) || !customers.importRow(tenantId, fields)) {
                duplicates++;
            } else {
                created++;
            }
        }
        return new ImportReport(rows.size() - 1, created, duplicates, rejected);
    }

    private CustomerFields toFields(UUID tenantId, Map<String, Integer> header, List<String> row) {
        Map<String, String> v = new HashMap<>();
        header.forEach((column, index) -> {
            if (index < row.size() && !row.get(index).isBlank()) {
                v.put(column, row.get(index).trim());
            }
        });
        if (v.get("name") == null) {
            throw new RowRejected("חסר שם");
        }
        if (v.get("phone") == null) {
            throw new RowRejected("חסר מספר טלפון");
        }
        UUID ownerId = null;
        if (v.get("ownerId") != null) {
            try {
                ownerId = UUID.fromString(v.get("ownerId"));
            } catch (IllegalArgumentException e) {
                throw new RowRejected("מזהה הנציג אינו תקין");
            }
        }
        BigDecimal rooms = null;
        if (v.get("rooms") != null) {
            try {
                rooms = new BigDecimal(v.get("rooms"));
            } catch (NumberFormatException e) {
                throw new RowRejected("מספר החדרים אינו מספר: " + quote(v.get("rooms")));
            }
        }
        Long budget = null;
        if (v.get("budgetAgorot") != null) {
            try {
                budget = Long.parseLong(v.get("budgetAgorot"));
            } catch (NumberFormatException e) {
                throw new RowRejected("התקציב אינו מספר שלם באגורות: " + quote(v.get("budgetAgorot")));
            }
        }
        List<String> tags = v.get("tags") == null
                ? List.of()
                : CustomerService.tags(Arrays.asList(v.get("tags").split("[;|]")));
        var request = new CreateCustomerRequest(
                v.get("name"),
                v.get("phone"),
                v.get("email"),
                v.get("vatId"),
                v.getOrDefault("status", "new"),
                v.getOrDefault("source", "import"),
                tags,
                v.get("notes"),
                ownerId,
                v.get("area"),
                rooms,
                budget,
                v.get("dealType"));
        // The API's own limits, checked before anything below echoes a value into the report.
        validator.validate(request).stream()
                .min(Comparator.comparingInt(CustomerImport::columnOrder)
                        .thenComparing(violation ->
                                !(violation.getConstraintDescriptor().getAnnotation() instanceof Size)))
                .ifPresent(violation -> {
                    throw new RowRejected(violation.getMessage());
                });
        // @ValidPhoneNumber has just refused a row whose phone does not normalise.
        String phone = PhoneNumbers.normalise(request.phone()).orElseThrow();
        String email = request.email();
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new RowRejected("כתובת האימייל אינה תקינה: " + email);
        }
        if (ownerId != null && !customers.isActiveUser(tenantId, ownerId)) {
            throw new RowRejected("הנציג אינו משתמש פעיל בחשבון");
        }
        if (rooms != null && rooms.scale() > 1) {
            throw new RowRejected("מספר החדרים אינו תקין: " + quote(v.get("rooms")));
        }
        return new CustomerFields(
                request.name(),
                phone,
                email,
                CustomerService.vatId(request.vatId()),
                request.status(),
                request.source(),
                tags,
                request.notes(),
                ownerId,
                request.area(),
                rooms,
                budget,
                request.dealType());
    }

    /**
     * Reports a violation of the first column first, as a person reading the row would, and of a
     * cell that is both too long and malformed, the length.
     */
    private static int columnOrder(ConstraintViolation<CreateCustomerRequest> violation) {
        String path = violation.getPropertyPath().toString();
        int end = path.indexOf('[');
        return COLUMNS.indexOf(end < 0 ? path : path.substring(0, end));
    }

    /** A cell as shown in a reason: short enough that a huge cell cannot swell the report. */
    private static String quote(String cell) {
        return cell.length() <= 40 ? cell : cell.substring(0, 40) + "…";
    }

    private static Map<String, Integer> header(List<String> names) {
        Map<String, Integer> header = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String raw = names.get(i).trim();
            String column = HEBREW_HEADERS.getOrDefault(raw, raw);
            int index = i;
            COLUMNS.stream()
                    .filter(c -> c.toLowerCase(Locale.ROOT).equals(column.toLowerCase(Locale.ROOT)))
                    .findFirst()
                    .ifPresent(c -> header.putIfAbsent(c, index));
        }
        return header;
    }

    /** A row that cannot become a customer; the message is shown to the user. */
    private static final class RowRejected extends RuntimeException {
        RowRejected(String reason) {
            super(reason, null, false, false);
        }
    }
}
