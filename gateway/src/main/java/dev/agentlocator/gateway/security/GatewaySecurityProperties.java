package dev.agentlocator.gateway.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param jwkSetUri where crm-service publishes its public token keys ({@code JWKS_URL}); {@code
 *     lb://crm-service/...} asks the registry for an instance on every fetch (ADR 0021)
 * @param jwkSetTtl how long fetched keys are trusted before they are fetched again: the longest a
 *     withdrawn key is still accepted
 * @param jwkSetTimeout how long one fetch may take
 */
@ConfigurationProperties("agentlocator.security")
record GatewaySecurityProperties(
        String jwkSetUri,
        @DefaultValue("5m") Duration jwkSetTtl,
        @DefaultValue("2s") Duration jwkSetTimeout) {

    GatewaySecurityProperties {
        if (jwkSetUri == null || jwkSetUri.isBlank()) {
            throw new IllegalStateException("JWKS_URL must name crm-service's public token keys"
                    + " (agentlocator.security.jwk-set-uri); refusing to start without it");
        }
    }
}
