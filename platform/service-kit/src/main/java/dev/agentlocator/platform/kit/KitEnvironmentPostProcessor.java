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
 * pattern) at the lowest precedence, so a service's own configuration and the environment still
 * win; and switches logs to structured JSON when {@code APP_ENV=production}.
 */
public class KitEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String DEFAULTS = "agentlocator-kit-defaults.properties";

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
    }

    static boolean isProduction(ConfigurableEnvironment environment) {
        return "production".equalsIgnoreCase(environment.getProperty("APP_ENV", ""));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
