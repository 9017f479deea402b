package dev.agentlocator.localstack.checks;

import com.nimbusds.jose.jwk.ECKey;
import dev.agentlocator.testkit.TestJwt;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Access tokens shaped like crm-service's and signed with the key the stack gave crm (ADR 0021),
 * for the launcher's own requests: it made that development key, so it signs as crm would.
 */
public final class AccessTokens {

    private static final Duration LIFETIME = Duration.ofMinutes(5);

    private AccessTokens() {}

    /** A short-lived token of a made-up user with {@code role} in {@code tenant}. */
    public static String sign(ECKey key, UUID tenant, String role) {
        return TestJwt.sign(key, UUID.randomUUID(), tenant, role, Instant.now().plus(LIFETIME));
    }

    /** The owner of a tenant nobody else uses: it sees empty lists everywhere, and every feature is on. */
    public static String ofAnOwner(ECKey key) {
        return sign(key, UUID.randomUUID(), "owner");
    }
}
