package dev.agentlocator.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class GatewaySecurityPropertiesTest {

    @EnableConfigurationProperties(GatewaySecurityProperties.class)
    static class Config {}

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Config.class);

    @Test
    void startUpFailsNamingJwksUrlWhenItIsMissing() {
        context.withPropertyValues("agentlocator.security.jwk-set-uri=")
                .run(started ->
                        assertThat(started).hasFailed().getFailure().rootCause().hasMessageContaining("JWKS_URL"));
    }

    @Test
    void theKeysAreFetchedAgainEveryFiveMinutesUnlessSaidOtherwise() {
        context.withPropertyValues("agentlocator.security.jwk-set-uri=lb://crm-service/.well-known/jwks.json")
                .run(started -> {
                    var properties = started.getBean(GatewaySecurityProperties.class);
                    assertThat(properties.jwkSetUri()).isEqualTo("lb://crm-service/.well-known/jwks.json");
                    assertThat(properties.jwkSetTtl()).isEqualTo(Duration.ofMinutes(5));
                    assertThat(properties.jwkSetTimeout()).isEqualTo(Duration.ofSeconds(2));
                });
    }
}
