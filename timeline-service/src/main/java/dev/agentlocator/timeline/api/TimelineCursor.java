package dev.agentlocator.timeline.api;

import dev.agentlocator.platform.kit.errors.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/**
 * Where the previous page ended: the last item's time and event id, the keyset of the timeline
 * index. Opaque to clients (base64url) so that its layout can change without breaking the SPA.
 */
record TimelineCursor(Instant occurredAt, UUID eventId) {

    static final String INVALID_MESSAGE = "קישור הדפדוף בציר הזמן אינו תקין. טענו את ציר הזמן מחדש.";

    private static final String VERSION = "v1";

    TimelineCursor {
        occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
    }

    String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, occurredAt);
        String plain = VERSION + ":" + micros + ":" + eventId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws ApiException 400 {@code invalid_cursor} for anything this class did not produce */
    static TimelineCursor decode(String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = plain.split(":", -1);
            if (parts.length != 3 || !VERSION.equals(parts[0])) {
                throw invalid();
            }
            Instant at = Instant.EPOCH.plus(Long.parseLong(parts[1]), ChronoUnit.MICROS);
            UUID id = UUID.fromString(parts[2]);
            if (!id.toString().equals(parts[2])) {
                throw invalid();
            }
            return new TimelineCursor(at, id);
        } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
            throw invalid();
        }
    }

    private static ApiException invalid() {
        return new ApiException(HttpStatus.BAD_REQUEST, "invalid_cursor", INVALID_MESSAGE);
    }
}
