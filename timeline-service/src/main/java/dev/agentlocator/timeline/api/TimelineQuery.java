package dev.agentlocator.timeline.api;

import dev.agentlocator.platform.kit.errors.ApiException;
import dev.agentlocator.timeline.projection.TimelineKind;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/**
 * A validated timeline request. Parameters arrive as text so that every bad value gets its own
 * code and a Hebrew message rather than a generic type-mismatch error.
 *
 * @param kinds empty means every kind
 * @param before {@code null} for the newest page
 */
record TimelineQuery(Set<TimelineKind> kinds, int limit, TimelineCursor before) {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;

    static TimelineQuery parse(String kinds, String limit, String before) {
        return new TimelineQuery(
                parseKinds(kinds),
                parseLimit(limit),
                before == null || before.isBlank() ? null : TimelineCursor.decode(before.strip()));
    }

    /** A limit above the cap is lowered to it, not refused: the SPA may ask for "everything". */
    static int parseLimit(String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_LIMIT;
        }
        long value;
        try {
            value = Long.parseLong(limit.strip());
        } catch (NumberFormatException e) {
            throw invalidLimit();
        }
        if (value <= 0) {
            throw invalidLimit();
        }
        return (int) Math.min(value, MAX_LIMIT);
    }

    static Set<TimelineKind> parseKinds(String kinds) {
        if (kinds == null || kinds.isBlank()) {
            return EnumSet.noneOf(TimelineKind.class);
        }
        Set<TimelineKind> parsed = EnumSet.noneOf(TimelineKind.class);
        for (String name : kinds.split(",")) {
            String trimmed = name.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            parsed.add(TimelineKind.fromWire(trimmed).orElseThrow(() -> unknownKind(trimmed)));
        }
        return parsed;
    }

    List<String> kindNames() {
        return kinds.stream().map(TimelineKind::wireName).toList();
    }

    private static ApiException invalidLimit() {
        return new ApiException(
                HttpStatus.BAD_REQUEST,
                "invalid_limit",
                "מספר הפריטים לעמוד (limit) חייב להיות מספר שלם חיובי",
                Map.of("parameter", "limit", "max", MAX_LIMIT));
    }

    private static ApiException unknownKind(String kind) {
        String known =
                Arrays.stream(TimelineKind.values()).map(TimelineKind::wireName).collect(Collectors.joining(","));
        return new ApiException(
                HttpStatus.BAD_REQUEST,
                "invalid_kind",
                "סוג הפריט \"" + kind + "\" אינו מוכר בציר הזמן",
                Map.of("parameter", "kinds", "value", kind, "allowed", known));
    }
}
