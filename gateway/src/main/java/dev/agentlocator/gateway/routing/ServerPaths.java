package dev.agentlocator.gateway.routing;

import java.util.List;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The path families that belong to the services and the gateway itself (see the routes in
 * application.yml). Every other GET belongs to the web client, whose router owns those URLs, so
 * the security rules and the client's fallback to index.html both ask this one place.
 */
public final class ServerPaths {

    private static final List<PathPattern> PATTERNS =
            List.of("/api/**", "/webhook/**", "/ws/**", "/relay/**", "/actuator/**", "/static/voice_responses/**")
                    .stream()
                    .map(PathPatternParser.defaultInstance::parse)
                    .toList();

    public static boolean isServerPath(PathContainer path) {
        return PATTERNS.stream().anyMatch(pattern -> pattern.matches(path));
    }

    private ServerPaths() {}
}
