package dev.agentlocator.discovery;

import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The one account every service and the gateway use to register and read the registry.
 *
 * <p>Clients put these credentials into the user part of their {@code EUREKA_URL}
 * ({@code http://eureka:<password>@discovery-server:8761/eureka}), so both may hold only characters
 * a URL carries unencoded; a password is long enough not to be guessed.
 *
 * @param username {@code EUREKA_USERNAME}
 * @param password {@code EUREKA_PASSWORD}; blank: refused in production, generated per start otherwise
 */
@ConfigurationProperties("agentlocator.registry")
record RegistryProperties(String username, String password) {

    static final int MIN_PASSWORD_LENGTH = 16;
    private static final Pattern URL_SAFE = Pattern.compile("[A-Za-z0-9._~-]+");

    RegistryProperties {
        if (username == null || !URL_SAFE.matcher(username).matches()) {
            throw new IllegalArgumentException(
                    "EUREKA_USERNAME must be letters, digits and - . _ ~ only" + " (clients send it in EUREKA_URL)");
        }
        if (!isBlank(password)
                && (password.length() < MIN_PASSWORD_LENGTH
                        || !URL_SAFE.matcher(password).matches())) {
            throw new IllegalArgumentException("EUREKA_PASSWORD must be at least " + MIN_PASSWORD_LENGTH
                    + " characters of letters, digits and - . _ ~ (clients send it in EUREKA_URL);"
                    + " generate one with: openssl rand -hex 32");
        }
    }

    boolean hasPassword() {
        return !isBlank(password);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
