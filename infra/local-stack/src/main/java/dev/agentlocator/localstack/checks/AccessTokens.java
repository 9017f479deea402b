package dev.agentlocator.localstack.checks;

import dev.agentlocator.testkit.TestJwt;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Access tokens shaped like crm-service's and signed with the stack's secret, for the launcher's own requests. */
public final class AccessTokens {

    private static final Duration LIFETIME = Duration.ofMinutes(5);

    private AccessTokens() {}

    /** A short-lived token of a made-up user with {@code role} in {@code tenant}. */
    public static String sign(String jwtSecret, UUID tenant, String role) {
        return TestJwt.sign(
                jwtSecret, UUID.randomUUID(), tenant, role, Instant.now().plus(LIFETIME));
    }

    /** The owner of a tenant nobody else uses: it sees empty lists everywhere, and every feature is on. */
    public static String ofAnOwner(String jwtSecret) {
        return sign(jwtSecret, UUID.randomUUID(), "owner");
    }
}
