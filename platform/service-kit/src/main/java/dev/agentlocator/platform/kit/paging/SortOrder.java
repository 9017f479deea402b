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
 * <p>A NOT NULL column sorts plainly ({@code name desc, id desc}), so one btree index on
 * {@code (tenant_id, name, id)} serves both directions; only a column declared with {@link
 * #nullable(String)} adds {@code nulls last}, which keeps empty values at the end either way.
 *
 * @param orderBy the ORDER BY clause, without the keywords
 */
public record SortOrder(String orderBy) {

    /** Newest first: what every list shows when no sort is asked for. */
    public static final SortOrder NEWEST_FIRST = new SortOrder("created_at desc, id desc");

    private static final String NULLABLE = " nulls last";

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
        if (column.endsWith(NULLABLE)) {
            String name = column.substring(0, column.length() - NULLABLE.length());
            return new SortOrder(name + direction + NULLABLE + ", id" + direction);
        }
        return new SortOrder(column + direction + ", id" + direction);
    }

    /** A sortable column that may hold NULL: its empty values come last in both directions. */
    public static String nullable(String column) {
        return column + NULLABLE;
    }
}
