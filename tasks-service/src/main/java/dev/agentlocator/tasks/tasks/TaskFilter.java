package dev.agentlocator.tasks.tasks;

import dev.agentlocator.platform.kit.errors.ApiException;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/**
 * The list filters, parsed from raw query text so that each bad value gets a Hebrew 400 naming the
 * parameter. {@code null} means "any".
 *
 * @param from inclusive lower bound of {@code dueAt} (range today / week)
 * @param to exclusive upper bound of {@code dueAt}
 * @param overdueAt set for range=overdue: not done and due before this instant
 */
record TaskFilter(
        UUID assigneeId,
        UUID customerId,
        String status,
        String channel,
        String priority,
        OffsetDateTime from,
        OffsetDateTime to,
        OffsetDateTime overdueAt) {

    enum Range {
        TODAY,
        WEEK,
        OVERDUE,
        ALL
    }

    static final Set<String> STATUSES = Set.of("open", "in_progress", "done");
    static final Set<String> CHANNELS = Set.of("call", "whatsapp", "meeting", "email", "other");
    static final Set<String> PRIORITIES = Set.of("low", "medium", "high");

    static Range range(String raw) {
        if (blank(raw)) {
            return Range.ALL;
        }
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "today" -> Range.TODAY;
            case "week", "this_week", "thisweek" -> Range.WEEK;
            case "overdue" -> Range.OVERDUE;
            case "all" -> Range.ALL;
            default -> throw invalid("range", "טווח לא מוכר: אפשר today,‏ week,‏ overdue או all");
        };
    }

    static UUID uuid(String raw, String parameter) {
        if (blank(raw)) {
            return null;
        }
        try {
            return UUID.fromString(raw.trim());
        } catch (IllegalArgumentException e) {
            throw invalid(parameter, "מזהה לא תקין בפרמטר " + parameter);
        }
    }

    static String oneOf(String raw, Set<String> allowed, String parameter, String message) {
        if (blank(raw)) {
            return null;
        }
        String value = raw.trim().toLowerCase(Locale.ROOT);
        if (!allowed.contains(value)) {
            throw invalid(parameter, message);
        }
        return value;
    }

    static boolean flag(String raw, String parameter) {
        if (blank(raw)) {
            return false;
        }
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw invalid(parameter, "ערך לא תקין בפרמטר " + parameter + " (true או false)");
        };
    }

    private static boolean blank(String raw) {
        return raw == null || raw.isBlank();
    }

    private static ApiException invalid(String parameter, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "invalid_filter", message, Map.of("parameter", parameter));
    }
}
