package dev.agentlocator.platform.kit.logging;

import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * The correlation id ties together every log line a request causes, in every service it reaches
 * and every consumer of the events it emits. It is the request's trace id (ADR 0025): the gateway
 * sends the trace id as {@link #HEADER}, and where a span is current its trace id is in the MDC
 * under {@link #TRACE_ID_MDC_KEY}; the id also lives in the MDC under {@link #MDC_KEY}.
 */
public final class Correlation {

    public static final String HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";
    /** Kafka record header that carries it from the outbox to consumers. */
    public static final String KAFKA_HEADER = "correlationId";
    /** Where Micrometer Tracing puts the current span's trace id. */
    public static final String TRACE_ID_MDC_KEY = "traceId";

    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /**
     * The current correlation id (a request's, or the one a consumed record carries), else the
     * current trace id (a scheduled job's, say), or {@code null} outside either.
     */
    public static String currentId() {
        String id = MDC.get(MDC_KEY);
        return id != null ? id : MDC.get(TRACE_ID_MDC_KEY);
    }

    /**
     * {@code candidate} when it is a safe id to log and forward, else the current trace id, else a
     * new one.
     */
    public static String acceptOrCreate(String candidate) {
        if (candidate != null && ACCEPTABLE.matcher(candidate).matches()) {
            return candidate;
        }
        String traceId = MDC.get(TRACE_ID_MDC_KEY);
        return traceId != null ? traceId : UUID.randomUUID().toString();
    }

    private Correlation() {}
}
