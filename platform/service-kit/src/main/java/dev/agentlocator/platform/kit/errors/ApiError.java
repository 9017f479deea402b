package dev.agentlocator.platform.kit.errors;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * The body of every error response in the suite: a stable English code for programs, a Hebrew
 * message for people, and details (e.g. which fields failed) where there are any.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiError(String error, String message, Map<String, Object> details) {

    public ApiError(String error, String message) {
        this(error, message, Map.of());
    }
}
