package dev.agentlocator.platform.kit.errors;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * An expected failure with a status, a stable code and a Hebrew message. Services throw it (or a
 * subclass); {@link ApiErrorHandler} turns it into the response, so no controller builds error
 * JSON by hand.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final transient Map<String, Object> details;

    public ApiException(HttpStatus status, String code, String message) {
        this(status, code, message, Map.of());
    }

    public ApiException(HttpStatus status, String code, String message, Map<String, Object> details) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = Map.copyOf(details);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }

    public ApiError toBody() {
        return new ApiError(code, getMessage(), details);
    }

    /**
     * What the response carries: the suite's {@link ApiError}, unless a subclass needs another
     * shape; this lets a package above this one shape its own error without this one knowing it.
     */
    public Object responseBody() {
        return toBody();
    }

    public static ApiException notFound() {
        return new ApiException(HttpStatus.NOT_FOUND, "not_found", Messages.NOT_FOUND);
    }

    public static ApiException badRequest(String code, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, code, message);
    }

    public static ApiException conflict(String code, String message) {
        return new ApiException(HttpStatus.CONFLICT, code, message);
    }

    public static ApiException forbidden() {
        return new ApiException(HttpStatus.FORBIDDEN, "forbidden", Messages.FORBIDDEN);
    }
}
