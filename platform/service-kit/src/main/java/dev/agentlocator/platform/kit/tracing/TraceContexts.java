package dev.agentlocator.platform.kit.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The current trace context as a W3C {@code traceparent} value and back: how a trace crosses the
 * outbox table, which is neither an HTTP request nor a Kafka record (ADR 0025).
 */
public final class TraceContexts {

    /** The W3C Trace Context header, also the Kafka record header the relay writes. */
    public static final String TRACEPARENT = "traceparent";

    // version 00: trace id (32 hex, not all zero), parent span id (16 hex), flags (2 hex)
    private static final Pattern W3C = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

    /** The current span's context as a {@code traceparent} value, or {@code null} outside a trace. */
    public static String currentTraceparent(Tracer tracer, Propagator propagator) {
        Span span = tracer.currentSpan();
        if (span == null) {
            return null;
        }
        return traceparentOf(span.context(), propagator);
    }

    static String traceparentOf(TraceContext context, Propagator propagator) {
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(context, carrier, Map::put);
        String value = carrier.get(TRACEPARENT);
        return value != null && W3C.matcher(value).matches() ? value : null;
    }

    /**
     * A span builder whose parent is {@code traceparent}, or that starts a trace of its own when
     * there is none (an event appended outside any request) or it is not a W3C value.
     */
    public static Span.Builder childOf(String traceparent, Tracer tracer, Propagator propagator) {
        if (traceparent == null || !W3C.matcher(traceparent).matches()) {
            return tracer.spanBuilder().setNoParent();
        }
        return propagator.extract(Map.of(TRACEPARENT, traceparent), Map::get);
    }

    private TraceContexts() {}
}
