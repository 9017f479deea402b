package dev.agentlocator.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.agentlocator.testkit.TestJwt;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class GatewaySecurityPropertiesTest {

    @EnableConfigurationProperties(GatewaySecurityProperties.class)
    static class Config {}

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Config.class);

    @Test
    void startUpFailsNamingJwtSecretWhenItIsMissing() {
        context.withPropertyValues("agentlocator.security.jwt-secret=")
                .run(started ->
                        assertThat(started).hasFailed().getFailure().rootCause().hasMessageContaining("JWT_SECRET"));
    }

    @Test
    void secretShorterThan32BytesIsRefused() {
        assertThatIllegalStateException()
                .isThrownBy(() -> new GatewaySecurityProperties("x".repeat(31)))
                .withMessageContaining("JWT_SECRET");
        assertThatIllegalStateException().isThrownBy(() -> new GatewaySecurityProperties("   "));
    }

    @Test
    void longEnoughSecretIsAccepted() {
        context.withPropertyValues("agentlocator.security.jwt-secret=" + TestJwt.SECRET)
                .run(started -> assertThat(
                                started.getBean(GatewaySecurityProperties.class).jwtSecret())
                        .isEqualTo(TestJwt.SECRET));
    }
}
