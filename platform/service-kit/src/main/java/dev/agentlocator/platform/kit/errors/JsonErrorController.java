package dev.agentlocator.platform.kit.errors;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors that happen outside a controller (in a filter, in the container) reach {@code /error};
 * this answers them in the same JSON shape instead of Boot's default body. Asked for directly,
 * with no error behind it, {@code /error} is just a path nobody serves: 404, and not in the API
 * documents.
 */
@RestController
@Hidden
public class JsonErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(JsonErrorController.class);

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<ApiError> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(new ApiError(
                            ErrorCodes.forStatus(HttpStatus.NOT_FOUND),
                            ErrorCodes.messageFor(HttpStatus.NOT_FOUND),
                            Map.of()));
        }
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        if (status.is5xxServerError()
                && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t) {
            log.error("Unhandled exception outside a controller", t);
        }
        return ResponseEntity.status(status)
                .body(new ApiError(ErrorCodes.forStatus(status), ErrorCodes.messageFor(status), Map.of()));
    }
}
