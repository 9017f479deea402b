package dev.agentlocator.gateway.tracing;

import io.opentelemetry.exporter.logging.LoggingSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Spans in the log with {@code TRACING_LOG_SPANS=true}, as in the services (docs/operations.md, "Tracing"). */
@Configuration(proxyBeanMethods = false)
class TracingConfiguration {

    @Bean
    @ConditionalOnProperty(name = "agentlocator.tracing.log-spans", havingValue = "true")
    SpanExporter loggingSpanExporter() {
        return LoggingSpanExporter.create();
    }
}
