package dev.agentlocator.platform.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class KitEnvironmentPostProcessorTest {

    @Test
    void productionSwitchesLogsToStructuredJson() {
        var environment = environmentWith("production");

        assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("logstash");
    }

    @Test
    void developmentKeepsReadableLogsWithTheTraceId() {
        var environment = environmentWith("development");

        assertThat(environment.getProperty("logging.structured.format.console")).isNull();
        assertThat(environment.getProperty("logging.pattern.correlation")).contains("%X{traceId");
    }

    @Test
    void spansAreExportedOnlyWhenACollectorIsNamed() {
        var environment = environmentWith("development");

        assertThat(environment.getProperty(KitEnvironmentPostProcessor.OTLP_TRACES_ENDPOINT))
                .isNull();
        assertThat(environment.getProperty("management.tracing.sampling.probability"))
                .isEqualTo("1.0");
    }

    @Test
    void theStandardOtlpVariableNamesTheCollectorsTracesUrl() {
        var environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "env",
                        Map.of(
                                "OTEL_EXPORTER_OTLP_ENDPOINT",
                                "http://collector:4318/",
                                "TRACING_SAMPLING_PROBABILITY",
                                "0.05")));

        new KitEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(KitEnvironmentPostProcessor.OTLP_TRACES_ENDPOINT))
                .isEqualTo("http://collector:4318/v1/traces");
        assertThat(environment.getProperty("management.tracing.sampling.probability"))
                .isEqualTo("0.05");
    }

    @Test
    void bootsOwnEndpointPropertyWinsOverTheVariable() {
        var environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "env",
                        Map.of(
                                "OTEL_EXPORTER_OTLP_ENDPOINT",
                                "http://collector:4318",
                                KitEnvironmentPostProcessor.OTLP_TRACES_ENDPOINT,
                                "http://other:4318/v1/traces")));

        new KitEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(KitEnvironmentPostProcessor.OTLP_TRACES_ENDPOINT))
                .isEqualTo("http://other:4318/v1/traces");
    }

    @Test
    void theServicesOwnSettingsWinOverTheKitDefaults() {
        var environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(
                        new MapPropertySource("service", Map.of("spring.kafka.consumer.auto-offset-reset", "latest")));

        new KitEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.kafka.consumer.auto-offset-reset"))
                .isEqualTo("latest");
        assertThat(environment.getProperty("management.endpoint.health.probes.enabled"))
                .isEqualTo("true");
    }

    private static StandardEnvironment environmentWith(String appEnv) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("env", Map.of("APP_ENV", appEnv)));
        new KitEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }
}
