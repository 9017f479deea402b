package dev.agentlocator.gateway.correlation;

import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.web.server.ServerWebExchange;

/**
 * The id that ties together every log line a request causes, here and in every service it reaches.
 * Same header, MDC key and accepted shape as service-kit's {@code Correlation}.
 */
public final class CorrelationId {

    public static final String HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";

    static final String ATTRIBUTE = CorrelationId.class.getName();

    // Anything else could forge log lines or smuggle markup into log viewers, so it is replaced.
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    static String acceptOrCreate(String candidate) {
        return candidate != null && ACCEPTABLE.matcher(candidate).matches()
                ? candidate
                : UUID.randomUUID().toString();
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
        try (MDC.MDCCloseable ignored = MDC.putCloseable(MDC_KEY, id)) {
            logging.run();
        }
    }

    private CorrelationId() {}
}
