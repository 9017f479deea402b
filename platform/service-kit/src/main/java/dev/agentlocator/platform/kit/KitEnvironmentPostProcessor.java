package dev.agentlocator.platform.kit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Gives every service the suite's defaults (Kafka serialisation, actuator exposure, Eureka, log
 * pattern, tracing) at the lowest precedence, so a service's own configuration and the environment
 * still win; switches logs to structured JSON when {@code APP_ENV=production}; and sends spans to
 * the OTLP collector {@code OTEL_EXPORTER_OTLP_ENDPOINT} names, when it names one (ADR 0025).
 */
public class KitEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String DEFAULTS = "agentlocator-kit-defaults.properties";

    /** The collector's OTLP/HTTP base URL: OpenTelemetry's standard OTEL_EXPORTER_OTLP_ENDPOINT. */
    static final String OTLP_ENDPOINT = "agentlocator.tracing.otlp-endpoint";
    /** Boot's property: with it set, spans are exported over OTLP; without it, not at all. */
    static final String OTLP_TRACES_ENDPOINT = "management.opentelemetry.tracing.export.otlp.endpoint";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            environment
                    .getPropertySources()
                    .addLast(new ResourcePropertySource("agentlocator-kit-defaults", new ClassPathResource(DEFAULTS)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (isProduction(environment)) {
            environment
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "agentlocator-production-logging",
                            Map.of("logging.structured.format.console", "logstash")));
        }
        String traces = otlpTracesEndpoint(environment);
        if (traces != null) {
            environment
                    .getPropertySources()
                    .addLast(new MapPropertySource("agentlocator-otlp-endpoint", Map.of(OTLP_TRACES_ENDPOINT, traces)));
        }
    }

    /**
     * The traces URL for a base URL in {@code OTEL_EXPORTER_OTLP_ENDPOINT} ({@code /v1/traces}
     * appended, as OpenTelemetry's exporters do), or {@code null} when it is unset or Boot's property
     * is set itself.
     */
    static String otlpTracesEndpoint(ConfigurableEnvironment environment) {
        String base = environment.getProperty(OTLP_ENDPOINT, "").strip();
        if (base.isEmpty() || environment.containsProperty(OTLP_TRACES_ENDPOINT)) {
            return null;
        }
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/v1/traces";
    }

    static boolean isProduction(ConfigurableEnvironment environment) {
        return "production".equalsIgnoreCase(environment.getProperty("APP_ENV", ""));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
