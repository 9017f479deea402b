package dev.agentlocator.gateway.tracing;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Sends spans to the OTLP collector {@code OTEL_EXPORTER_OTLP_ENDPOINT} names (its base URL, with
 * {@code /v1/traces} appended as OpenTelemetry's exporters do); without it nothing is exported
 * (ADR 0025). The services get the same rule from service-kit; the gateway is reactive and cannot
 * use the kit.
 */
public class OtlpEndpointEnvironmentPostProcessor implements EnvironmentPostProcessor {

    /** application.yml reads it from OTEL_EXPORTER_OTLP_ENDPOINT. */
    static final String BASE_URL = "agentlocator.tracing.otlp-endpoint";

    static final String TRACES_ENDPOINT = "management.opentelemetry.tracing.export.otlp.endpoint";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String base = environment.getProperty(BASE_URL, "").strip();
        if (base.isEmpty() || environment.containsProperty(TRACES_ENDPOINT)) {
            return;
        }
        String traces = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/v1/traces";
        environment
                .getPropertySources()
                .addLast(new MapPropertySource("agentlocator-otlp-endpoint", Map.of(TRACES_ENDPOINT, traces)));
    }
}
