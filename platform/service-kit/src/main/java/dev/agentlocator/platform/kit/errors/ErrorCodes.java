package dev.agentlocator.platform.kit.errors;

import org.springframework.http.HttpStatus;

/** The code and Hebrew message for an error known only by its status. */
public final class ErrorCodes {

    public static String forStatus(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "not_found";
            case UNAUTHORIZED -> "unauthorized";
            case FORBIDDEN -> "forbidden";
            case METHOD_NOT_ALLOWED -> "method_not_allowed";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported_media_type";
            case NOT_ACCEPTABLE -> "not_acceptable";
            case CONTENT_TOO_LARGE -> "payload_too_large";
            default -> status.is4xxClientError() ? "bad_request" : "server_error";
        };
    }

    public static String messageFor(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> Messages.NOT_FOUND;
            case UNAUTHORIZED -> Messages.UNAUTHORIZED;
            case FORBIDDEN -> Messages.FORBIDDEN;
            case METHOD_NOT_ALLOWED -> Messages.METHOD_NOT_ALLOWED;
            case UNSUPPORTED_MEDIA_TYPE -> Messages.UNSUPPORTED_MEDIA_TYPE;
            case NOT_ACCEPTABLE -> Messages.NOT_ACCEPTABLE;
            case CONTENT_TOO_LARGE -> Messages.PAYLOAD_TOO_LARGE;
            default -> status.is4xxClientError() ? Messages.BAD_REQUEST : Messages.SERVER_ERROR;
        };
    }

    private ErrorCodes() {}
}
