package dev.agentlocator.gateway.correlation;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import java.util.UUID;
import org.slf4j.MDC;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;

/**
 * The id that ties together every log line a request causes, here and in every service it reaches:
 * the trace id of the request's span (ADR 0025). Same header and MDC keys as service-kit's {@code
 * Correlation}.
 */
public final class CorrelationId {

    public static final String HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";
    /** Where Micrometer Tracing puts the trace id, and what the log pattern shows. */
    public static final String TRACE_ID_MDC_KEY = "traceId";

    static final String ATTRIBUTE = CorrelationId.class.getName();

    /**
     * The trace id of the span WebFlux opened for {@code exchange} (a new trace, or the caller's
     * W3C {@code traceparent} continued); a random id only if tracing were off.
     */
    static String traceIdOf(ServerWebExchange exchange) {
        return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> context.<TracingObservationHandler.TracingContext>get(
                        TracingObservationHandler.TracingContext.class))
                .map(TracingObservationHandler.TracingContext::getSpan)
                .map(Span::context)
                .map(context -> context.traceId())
                .orElseGet(() -> UUID.randomUUID().toString().replace("-", ""));
    }

    /** The id of this exchange, or {@code null} before the correlation filter ran. */
    public static String of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }

    /**
     * Runs {@code logging} with the exchange's id in the MDC. Reactive code hops threads, so the id
     * is put in place around each log call rather than kept for the request.
     */
    public static void withMdc(ServerWebExchange exchange, Runnable logging) {
        String id = of(exchange);
        if (id == null) {
            logging.run();
            return;
        }
        try (MDC.MDCCloseable correlation = MDC.putCloseable(MDC_KEY, id);
                MDC.MDCCloseable trace = MDC.putCloseable(TRACE_ID_MDC_KEY, id)) {
            logging.run();
        }
    }

    private CorrelationId() {}
}
