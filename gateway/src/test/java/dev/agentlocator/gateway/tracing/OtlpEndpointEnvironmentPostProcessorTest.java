package dev.agentlocator.gateway.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class OtlpEndpointEnvironmentPostProcessorTest {

    @Test
    void nothingIsExportedWithoutACollector() {
        assertThat(endpointWith(Map.of())).isNull();
        assertThat(endpointWith(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", " "))).isNull();
    }

    @Test
    void theStandardVariableNamesTheCollectorsBaseUrl() {
        assertThat(endpointWith(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318")))
                .isEqualTo("http://collector:4318/v1/traces");
    }

    @Test
    void bootsOwnPropertyWins() {
        assertThat(endpointWith(Map.of(
                        "OTEL_EXPORTER_OTLP_ENDPOINT",
                        "http://collector:4318",
                        OtlpEndpointEnvironmentPostProcessor.TRACES_ENDPOINT,
                        "https://traces.example.com/v1/traces")))
                .isEqualTo("https://traces.example.com/v1/traces");
    }

    private static String endpointWith(Map<String, Object> variables) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("env", variables));
        // as application.yml has it
        environment
                .getPropertySources()
                .addLast(new MapPropertySource(
                        "application.yml",
                        Map.of(OtlpEndpointEnvironmentPostProcessor.BASE_URL, "${OTEL_EXPORTER_OTLP_ENDPOINT:}")));
        new OtlpEndpointEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        return environment.getProperty(OtlpEndpointEnvironmentPostProcessor.TRACES_ENDPOINT);
    }
}
