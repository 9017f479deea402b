package dev.agentlocator.billing.invoices;

import dev.agentlocator.platform.kit.errors.ApiException;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** {@code sort=number} or {@code sort=-totalAgorot}: whitelisted, so no client text reaches the SQL. */
record InvoiceSort(String orderBy) {

    private static final Map<String, String> COLUMNS = Map.of(
            "number", "number",
            "createdAt", "created_at",
            "issuedAt", "issued_at",
            "totalAgorot", "total_agorot",
            "status", "status",
            "customerName", "customer_name");

    static InvoiceSort parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return new InvoiceSort("created_at desc, id desc");
        }
        String value = raw.trim();
        boolean descending = value.startsWith("-");
        String field = descending ? value.substring(1) : value;
        String column = COLUMNS.get(field);
        if (column == null) {
            throw new ApiException(
                    HttpStatus.BAD_REQUEST,
                    "invalid_sort",
                    "אי אפשר למיין לפי " + field
                            + ". אפשר למיין לפי: number, createdAt, issuedAt, totalAgorot, status, customerName",
                    Map.of("parameter", "sort"));
        }
        String direction = descending ? " desc nulls last" : " asc nulls last";
        // The id breaks ties, so paging through equal values neither repeats nor skips a row.
        return new InvoiceSort(column + direction + ", id" + (descending ? " desc" : " asc"));
    }
}
