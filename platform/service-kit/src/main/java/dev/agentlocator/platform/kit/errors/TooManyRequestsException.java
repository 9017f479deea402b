package dev.agentlocator.platform.kit.errors;

import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * 429: the caller has to wait. {@link ApiErrorHandler} sends the wait as {@code Retry-After} (whole
 * seconds, at least one) and as {@code details.retryAfterSeconds} for the client to show.
 */
public class TooManyRequestsException extends ApiException {

    private final Duration retryAfter;

    public TooManyRequestsException(String code, String message, Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, code, message, Map.of("retryAfterSeconds", seconds(retryAfter)));
        this.retryAfter = retryAfter;
    }

    public long retryAfterSeconds() {
        return seconds(retryAfter);
    }

    private static long seconds(Duration wait) {
        long whole = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, whole);
    }
}
