package dev.agentlocator.platform.kit.security;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param jwtSecret the HS256 key crm-service signs access tokens with ({@code JWT_SECRET})
 * @param publicPaths paths of this service that need no token (ant patterns), besides health,
 *     metrics and the API document which are always public
 */
@ConfigurationProperties("agentlocator.security")
public record SecurityProperties(String jwtSecret, List<String> publicPaths) {

    public static final int MIN_SECRET_BYTES = 32;

    public SecurityProperties {
        if (jwtSecret == null || jwtSecret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("JWT_SECRET must be set to at least " + MIN_SECRET_BYTES
                    + " bytes (agentlocator.security.jwt-secret); refusing to start without it");
        }
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
    }
}
