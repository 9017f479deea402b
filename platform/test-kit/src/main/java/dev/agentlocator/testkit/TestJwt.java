package dev.agentlocator.testkit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/** Mints access tokens shaped like crm-service's, for tests. */
public final class TestJwt {

    /** The HS256 secret every service under test validates with. */
    public static final String SECRET = "test-secret-for-agentlocator-integration-tests-0123456789";

    public static final String ISSUER = "agentlocator";

    /** A valid token for {@code role} in {@code tenantId}. */
    public static String token(UUID userId, UUID tenantId, String role) {
        return sign(SECRET, userId, tenantId, role, Instant.now().plus(Duration.ofMinutes(15)));
    }

    /** A token that expired a minute ago. */
    public static String expired(UUID userId, UUID tenantId, String role) {
        return sign(SECRET, userId, tenantId, role, Instant.now().minus(Duration.ofMinutes(1)));
    }

    /** A well-formed token signed with a key the services do not trust. */
    public static String signedWithWrongKey(UUID userId, UUID tenantId, String role) {
        return sign(
                "an-attacker-secret-that-is-long-enough-for-hs256-0123456789",
                userId,
                tenantId,
                role,
                Instant.now().plus(Duration.ofMinutes(15)));
    }

    public static String sign(String secret, UUID userId, UUID tenantId, String role, Instant expiresAt) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(userId.toString())
                .claim("tid", tenantId.toString())
                .claim("roles", List.of(role))
                .claim("email", "user-" + userId + "@example.test")
                .issueTime(Date.from(expiresAt.minus(Duration.ofMinutes(15))))
                .expirationTime(Date.from(expiresAt))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private TestJwt() {}
}
