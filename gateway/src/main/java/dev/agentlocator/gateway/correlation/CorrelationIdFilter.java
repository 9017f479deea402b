package dev.agentlocator.gateway.correlation;

import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Gives every request a correlation id, forwards it to the service, returns it to the caller and
 * writes the access log line. A web filter rather than a gateway filter, and the first one, so
 * requests refused by security or served by the web client are covered too.
 *
 * <p>The correlation id is the trace id of the request's span (ADR 0025), which WebFlux starts
 * before any filter: a caller follows a request by sending a W3C {@code traceparent}, and an
 * {@code X-Correlation-Id} it sends is replaced.
 */
@Component
class CorrelationIdFilter implements WebFilter, Ordered {

    private static final Logger accessLog = LoggerFactory.getLogger("dev.agentlocator.gateway.access");

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long started = System.nanoTime();
        String id = CorrelationId.traceIdOf(exchange);
        exchange.getAttributes().put(CorrelationId.ATTRIBUTE, id);

        ServerHttpResponse response = exchange.getResponse();
        // At commit rather than at the end: the status is final by then even when the error
        // handler wrote it, and set() replaces the copy a service echoes back.
        response.beforeCommit(() -> {
            response.getHeaders().set(CorrelationId.HEADER, id);
            logAccess(exchange, started);
            return Mono.empty();
        });

        ServerHttpRequest request = exchange.getRequest()
                .mutate()
                .headers(headers -> headers.set(CorrelationId.HEADER, id))
                .build();
        // In the Reactor context too, for reactive code further down that logs on its own.
        return chain.filter(exchange.mutate().request(request).build())
                .contextWrite(Context.of(CorrelationId.MDC_KEY, id));
    }

    private static void logAccess(ServerWebExchange exchange, long started) {
        ServerHttpRequest request = exchange.getRequest();
        String path = request.getPath().value();
        // Probes and scrapes arrive every few seconds and would drown the real traffic.
        Level level = path.startsWith("/actuator/") ? Level.DEBUG : Level.INFO;
        if (!accessLog.isEnabledForLevel(level)) {
            return;
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        CorrelationId.withMdc(
                exchange,
                () -> accessLog
                        .atLevel(level)
                        .log(
                                "{} {} {} {}ms correlationId={}",
                                request.getMethod(),
                                path,
                                status == null ? "-" : status.value(),
                                millis,
                                CorrelationId.of(exchange)));
    }
}
