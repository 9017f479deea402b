package dev.agentlocator.gateway.logging;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Switches the console to structured JSON (logstash) when {@code APP_ENV=production}, so log
 * shippers get one parseable object per line while developers keep the readable pattern. The
 * services get the same switch from service-kit; the gateway is reactive and cannot use the kit.
 */
public class ProductionLoggingEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String FORMAT_PROPERTY = "logging.structured.format.console";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if ("production".equalsIgnoreCase(environment.getProperty("APP_ENV", ""))) {
            environment
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "agentlocator-production-logging", Map.of(FORMAT_PROPERTY, "logstash")));
        }
    }
}
