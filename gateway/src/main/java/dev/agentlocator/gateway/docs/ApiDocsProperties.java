package dev.agentlocator.gateway.docs;

import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may read the services' OpenAPI documents through the gateway ({@code API_DOCS_ACCESS}).
 *
 * @param access {@code open} (anyone), {@code admin} (a platform admin's token) or {@code off};
 *     unset: {@code admin} with {@code APP_ENV=production}, else {@code open}
 * @param appEnv {@code APP_ENV}
 */
@ConfigurationProperties("agentlocator.api-docs")
public record ApiDocsProperties(String access, String appEnv) {

    /** How the documents and the Swagger UI are served. */
    public enum Access {
        OPEN,
        ADMIN,
        OFF
    }

    public Access mode() {
        if (access == null || access.isBlank()) {
            return "production".equalsIgnoreCase(appEnv) ? Access.ADMIN : Access.OPEN;
        }
        try {
            return Access.valueOf(access.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("API_DOCS_ACCESS must be open, admin or off, not " + access, e);
        }
    }
}
