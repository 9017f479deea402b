package dev.agentlocator.billing.contracts;

import dev.agentlocator.platform.kit.errors.ApiException;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** {@code sort=title} or {@code sort=-totalAgorot}: whitelisted, so no client text reaches the SQL. */
record ContractSort(String orderBy) {

    private static final Map<String, String> COLUMNS = Map.of(
            "createdAt", "created_at",
            "updatedAt", "updated_at",
            "title", "title",
            "status", "status",
            "totalAgorot", "total_agorot",
            "customerName", "customer_name");

    static ContractSort parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return new ContractSort("created_at desc, id desc");
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
                            + ". אפשר למיין לפי: createdAt, updatedAt, title, status, totalAgorot, customerName",
                    Map.of("parameter", "sort"));
        }
        String direction = descending ? " desc" : " asc";
        return new ContractSort(column + direction + ", id" + direction);
    }
}
