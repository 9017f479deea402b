package dev.agentlocator.gateway.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class ProductionLoggingEnvironmentPostProcessorTest {

    private final ProductionLoggingEnvironmentPostProcessor processor = new ProductionLoggingEnvironmentPostProcessor();

    @Test
    void productionLogsAreStructuredJson() {
        var environment = new MockEnvironment().withProperty("APP_ENV", "production");

        processor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(ProductionLoggingEnvironmentPostProcessor.FORMAT_PROPERTY))
                .isEqualTo("logstash");
    }

    @Test
    void otherEnvironmentsKeepTheReadablePattern() {
        var environment = new MockEnvironment().withProperty("APP_ENV", "development");

        processor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.containsProperty(ProductionLoggingEnvironmentPostProcessor.FORMAT_PROPERTY))
                .isFalse();
    }
}
