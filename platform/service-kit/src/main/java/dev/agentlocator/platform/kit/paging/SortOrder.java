package dev.agentlocator.platform.kit.paging;

import dev.agentlocator.platform.kit.errors.ApiException;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.http.HttpStatus;

/**
 * A list's {@code sort} parameter ({@code sort=name}, {@code sort=-createdAt}) as an SQL ORDER BY.
 * Fields are whitelisted against the list's own columns, so no client text reaches the SQL; the
 * id breaks ties, so paging through equal values neither repeats nor skips a row.
 *
 * @param orderBy the ORDER BY clause, without the keywords
 */
public record SortOrder(String orderBy) {

    /** Newest first: what every list shows when no sort is asked for. */
    public static final SortOrder NEWEST_FIRST = new SortOrder("created_at desc, id desc");

    static final String UNKNOWN_FIELD = "אי אפשר למיין לפי %s. אפשר למיין לפי: %s";

    /**
     * @param columns API field name → column, for every field the list may be sorted by
     */
    public static SortOrder parse(String raw, Map<String, String> columns) {
        if (raw == null || raw.isBlank()) {
            return NEWEST_FIRST;
        }
        String value = raw.trim();
        boolean descending = value.startsWith("-");
        String field = descending ? value.substring(1) : value;
        String column = columns.get(field);
        if (column == null) {
            throw new ApiException(
                    HttpStatus.BAD_REQUEST,
                    "invalid_sort",
                    UNKNOWN_FIELD.formatted(field, String.join(", ", new TreeSet<>(columns.keySet()))),
                    Map.of("parameter", "sort"));
        }
        String direction = descending ? " desc" : " asc";
        return new SortOrder(column + direction + " nulls last, id" + direction);
    }
}
