package dev.agentlocator.platform.kit.messaging;

import dev.agentlocator.platform.kit.logging.Correlation;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.slf4j.MDC;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Continues the producing request's trace while the consumer handles a record (ADR 0025): a
 * CONSUMER span, child of the record's W3C {@code traceparent} (the outbox relay's span), is current
 * from before the listener runs until after it, so the handler's log lines, its own calls and the
 * events it appends carry that trace. The producer's correlation id goes on the log context too.
 *
 * <p>An interceptor rather than the listener container's observation: the latter would replace
 * the {@code spring.kafka.listener} timer (and its {@code name} and {@code result} tags) the
 * dashboards and alerts read.
 */
public class CorrelationRecordInterceptor implements RecordInterceptor<Object, Object> {

    private static final Propagator.Getter<Headers> HEADERS = (headers, name) -> {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    };

    private final Tracer tracer;
    private final Propagator propagator;
    /** The span of the record this consumer thread is handling. */
    private final ThreadLocal<Handling> current = new ThreadLocal<>();

    public CorrelationRecordInterceptor(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    private record Handling(Span span, Tracer.SpanInScope scope) {
        void end() {
            scope.close();
            span.end();
        }
    }

    @Override
    public ConsumerRecord<Object, Object> intercept(
            ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        endCurrent();
        Span span = propagator
                .extract(record.headers(), HEADERS)
                .name(record.topic() + " receive")
                .kind(Span.Kind.CONSUMER)
                .tag("messaging.system", "kafka")
                .tag("messaging.destination.name", record.topic())
                .tag("messaging.kafka.consumer.group", groupOf(consumer))
                .start();
        current.set(new Handling(span, tracer.withSpan(span)));
        Header correlation = record.headers().lastHeader(Correlation.KAFKA_HEADER);
        if (correlation != null) {
            MDC.put(Correlation.MDC_KEY, new String(correlation.value(), StandardCharsets.UTF_8));
        }
        return record;
    }

    @Override
    public void failure(ConsumerRecord<Object, Object> record, Exception exception, Consumer<Object, Object> consumer) {
        Handling handling = current.get();
        if (handling != null) {
            handling.span().error(exception);
        }
    }

    @Override
    public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        endCurrent();
        MDC.remove(Correlation.MDC_KEY);
    }

    private void endCurrent() {
        Handling handling = current.get();
        if (handling != null) {
            current.remove();
            handling.end();
        }
    }

    private static String groupOf(Consumer<Object, Object> consumer) {
        try {
            return consumer.groupMetadata().groupId();
        } catch (RuntimeException e) {
            return "";
        }
    }
}
