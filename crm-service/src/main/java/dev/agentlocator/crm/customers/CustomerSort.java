package dev.agentlocator.crm.customers;

import dev.agentlocator.platform.kit.errors.ApiException;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** {@code sort=name} or {@code sort=-createdAt}: whitelisted, so no client text reaches the SQL. */
record CustomerSort(String orderBy) {

    private static final Map<String, String> COLUMNS = Map.of(
            "name", "name",
            "createdAt", "created_at",
            "updatedAt", "updated_at",
            "status", "status");

    static CustomerSort parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return new CustomerSort("created_at desc, id desc");
        }
        String value = raw.trim();
        boolean descending = value.startsWith("-");
        String field = descending ? value.substring(1) : value;
        String column = COLUMNS.get(field);
        if (column == null) {
            throw new ApiException(
                    HttpStatus.BAD_REQUEST,
                    "invalid_sort",
                    "אי אפשר למיין לפי " + field + ". אפשר למיין לפי: name, createdAt, updatedAt, status",
                    Map.of("parameter", "sort"));
        }
        String direction = descending ? " desc" : " asc";
        // The id breaks ties, so paging through equal values neither repeats nor skips a row.
        return new CustomerSort(column + direction + ", id" + direction);
    }
}
