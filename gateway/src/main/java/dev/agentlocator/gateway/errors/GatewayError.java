package dev.agentlocator.gateway.errors;

import dev.agentlocator.platform.security.CanonicalPath;
import org.springframework.http.HttpStatus;

/** The errors the gateway itself answers with: status, stable code and the Hebrew text the UI shows. */
public enum GatewayError {
    BAD_REQUEST(HttpStatus.BAD_REQUEST, "bad_request", "הבקשה אינה תקינה"),
    NON_CANONICAL_PATH(HttpStatus.BAD_REQUEST, CanonicalPath.ERROR, CanonicalPath.MESSAGE),
    UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "unauthorized", "נדרשת התחברות"),
    INVALID_TOKEN(HttpStatus.UNAUTHORIZED, "unauthorized", "ההתחברות אינה תקפה או שפג תוקפה, יש להתחבר מחדש"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden", "אין לך הרשאה לבצע פעולה זו"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "not_found", "הכתובת המבוקשת לא נמצאה"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed", "הפעולה אינה נתמכת בכתובת זו"),
    PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "payload_too_large", "הבקשה גדולה מדי"),
    SERVER_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "server_error", "אירעה שגיאה בשרת, נסו שוב בעוד רגע"),
    BAD_GATEWAY(HttpStatus.BAD_GATEWAY, "bad_gateway", "השירות ניתק את החיבור לפני שענה, נסו שוב בעוד רגע"),
    SERVICE_UNAVAILABLE(
            HttpStatus.SERVICE_UNAVAILABLE, "service_unavailable", "השירות אינו זמין כרגע, נסו שוב בעוד רגע"),
    GATEWAY_TIMEOUT(HttpStatus.GATEWAY_TIMEOUT, "gateway_timeout", "השירות לא הגיב בזמן, נסו שוב בעוד רגע");

    private final HttpStatus status;
    private final String code;
    private final String message;

    GatewayError(HttpStatus status, String code, String message) {
        this.status = status;
        this.code = code;
        this.message = message;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String message() {
        return message;
    }
}
