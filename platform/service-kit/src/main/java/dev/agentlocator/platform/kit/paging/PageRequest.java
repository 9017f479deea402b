package dev.agentlocator.platform.kit.paging;

import dev.agentlocator.platform.kit.errors.ApiException;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A page of a list, parsed from the raw query parameters so that every bad value gets a clear
 * Hebrew 400 rather than a generic type error. A limit above {@link #MAX_LIMIT} is capped, not
 * refused: a client asking for too much still gets an answer.
 */
public record PageRequest(int page, int limit) {

    public static final int DEFAULT_LIMIT = 25;
    public static final int MAX_LIMIT = 100;

    public static final String BAD_PAGE = "מספר העמוד חייב להיות מספר שלם, 1 ומעלה";
    public static final String BAD_LIMIT = "מספר הפריטים בעמוד חייב להיות מספר שלם, 1 ומעלה";

    public static PageRequest parse(String page, String limit) {
        int p = parsePositive(page, 1, "page", BAD_PAGE);
        int l = parsePositive(limit, DEFAULT_LIMIT, "limit", BAD_LIMIT);
        return new PageRequest(p, Math.min(l, MAX_LIMIT));
    }

    public long offset() {
        return (long) (page - 1) * limit;
    }

    public int pages(long total) {
        return (int) ((total + limit - 1) / limit);
    }

    private static int parsePositive(String raw, int fallback, String parameter, String message) {
        if (raw == null) {
            return fallback;
        }
        String value = raw.trim();
        if (value.isEmpty()) {
            return fallback;
        }
        int parsed;
        try {
            parsed = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw invalid(parameter, message);
        }
        if (parsed < 1) {
            throw invalid(parameter, message);
        }
        return parsed;
    }

    private static ApiException invalid(String parameter, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "invalid_paging", message, Map.of("parameter", parameter));
    }
}
