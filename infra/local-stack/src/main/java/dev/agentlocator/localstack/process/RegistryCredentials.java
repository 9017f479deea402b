package dev.agentlocator.localstack.process;

import dev.agentlocator.localstack.ServiceSpec;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

/**
 * The account the stack's Eureka accepts: {@code EUREKA_USERNAME} / {@code EUREKA_PASSWORD} when
 * the user set a password, else a password generated for this run (the registry lives in memory,
 * so nothing has to remember it). The children get it in {@code EUREKA_URL}, the launcher's own
 * registry queries as HTTP basic.
 *
 * @param generated whether the password was made up for this run
 */
public record RegistryCredentials(String username, String password, boolean generated) {

    static final String DEFAULT_USERNAME = "eureka";

    public static RegistryCredentials from(Map<String, String> env) {
        String username = orDefault(env.get("EUREKA_USERNAME"), DEFAULT_USERNAME);
        String password = env.get("EUREKA_PASSWORD");
        if (password != null && !password.isBlank()) {
            return new RegistryCredentials(username, password, false);
        }
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        return new RegistryCredentials(username, HexFormat.of().formatHex(random), true);
    }

    /** The registry's address with these credentials in it, as Spring Cloud's Eureka client reads them. */
    public String url() {
        return "http://" + username + ":" + password + "@127.0.0.1:" + ServiceSpec.DISCOVERY_PORT + "/eureka";
    }

    /** The {@code Authorization} header of a registry query. */
    public Map<String, String> authorization() {
        String pair = username + ":" + password;
        return Map.of(
                "Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    /** What the discovery server reads. */
    Map<String, String> asEnvironment() {
        return Map.of("EUREKA_USERNAME", username, "EUREKA_PASSWORD", password);
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
