package dev.agentlocator.gateway.errors;

import dev.agentlocator.gateway.correlation.CorrelationId;
import java.io.IOException;
import java.net.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Turns every failure the gateway itself runs into (no route, no instance, a refused connection,
 * a service hanging up before it answered, a timeout, a bug) into the suite's JSON error. Ordered before Boot's default handler, which
 * would answer with its own shape. Errors a service answers with pass through untouched.
 */
@Component
@Order(-2)
class GatewayErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

    private final JsonErrorWriter writer;

    GatewayErrorHandler(JsonErrorWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) {
            // Part of a service's answer is already on the wire; all that is left is to cut it.
            return Mono.error(ex);
        }
        HttpStatusCode status = statusOf(ex);
        GatewayError error = errorFor(status);
        log(exchange, ex, error);
        if (ex instanceof ResponseStatusException rse) {
            exchange.getResponse().getHeaders().addAll(rse.getHeaders());
        }
        return writer.write(exchange.getResponse(), status.is4xxClientError() ? status : error.status(), error);
    }

    private static HttpStatusCode statusOf(Throwable ex) {
        if (causedBy(ex, ConnectException.class)) {
            return HttpStatus.SERVICE_UNAVAILABLE;
        }
        if (ex instanceof ResponseStatusException rse) {
            return rse.getStatusCode();
        }
        // Reactor Netty's PrematureCloseException and a reset connection are both IOExceptions: the
        // service was reached and went away mid-exchange, which is the upstream's fault, not ours.
        if (causedBy(ex, IOException.class)) {
            return HttpStatus.BAD_GATEWAY;
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }

    private static GatewayError errorFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 401 -> GatewayError.UNAUTHORIZED;
            case 403 -> GatewayError.FORBIDDEN;
            case 404 -> GatewayError.NOT_FOUND;
            case 405 -> GatewayError.METHOD_NOT_ALLOWED;
            case 413 -> GatewayError.PAYLOAD_TOO_LARGE;
            case 502 -> GatewayError.BAD_GATEWAY;
            case 503 -> GatewayError.SERVICE_UNAVAILABLE;
            case 504 -> GatewayError.GATEWAY_TIMEOUT;
            default -> status.is4xxClientError() ? GatewayError.BAD_REQUEST : GatewayError.SERVER_ERROR;
        };
    }

    private static void log(ServerWebExchange exchange, Throwable ex, GatewayError error) {
        CorrelationId.withMdc(exchange, () -> {
            String request = exchange.getRequest().getMethod() + " "
                    + exchange.getRequest().getPath().value();
            switch (error) {
                case SERVER_ERROR -> log.error("{} failed", request, ex);
                case BAD_GATEWAY, SERVICE_UNAVAILABLE, GATEWAY_TIMEOUT ->
                    log.warn("{} -> {}: {}", request, error.code(), ex.toString());
                default -> log.debug("{} -> {}: {}", request, error.code(), ex.toString());
            }
        });
    }

    private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
