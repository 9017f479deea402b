package dev.agentlocator.gateway.security;

import java.nio.charset.StandardCharsets;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param jwtSecret the HS256 key crm-service signs access tokens with ({@code JWT_SECRET})
 */
@ConfigurationProperties("agentlocator.security")
record GatewaySecurityProperties(String jwtSecret) {

    /** HS256 wants a key at least as long as its 256-bit hash. */
    static final int MIN_SECRET_BYTES = 32;

    GatewaySecurityProperties {
        if (jwtSecret == null || jwtSecret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("JWT_SECRET must be set to at least " + MIN_SECRET_BYTES
                    + " bytes (agentlocator.security.jwt-secret); refusing to start without it");
        }
    }
}
