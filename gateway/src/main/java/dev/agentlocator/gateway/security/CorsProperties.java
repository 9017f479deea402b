package dev.agentlocator.gateway.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param allowedOrigins the origins a browser may call the API from ({@code CORS_ORIGINS},
 *     comma-separated); empty allows no cross-origin call at all
 */
@ConfigurationProperties("agentlocator.cors")
record CorsProperties(List<String> allowedOrigins) {

    CorsProperties {
        allowedOrigins = allowedOrigins == null
                ? List.of()
                : allowedOrigins.stream()
                        .map(String::trim)
                        .filter(origin -> !origin.isEmpty())
                        .toList();
    }
}
