package dev.agentlocator.timeline.projection;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;

/**
 * Lenient typed reads of an envelope payload. Producers are built by other teams and evolve; a
 * missing or oddly typed field yields {@code null} rather than failing the whole event.
 */
public record Payload(Map<String, Object> values) {

    public String text(String key) {
        Object value = values.get(key);
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }

    public Long number(String key) {
        Object value = values.get(key);
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value instanceof String s) {
            try {
                return Long.parseLong(s.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** {@code true} only for a JSON true or the text "true". */
    public boolean flag(String key) {
        Object value = values.get(key);
        return Boolean.TRUE.equals(value) || "true".equals(text(key));
    }

    public UUID uuid(String key) {
        String text = text(key);
        if (text == null) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public OffsetDateTime time(String key) {
        String text = text(key);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
