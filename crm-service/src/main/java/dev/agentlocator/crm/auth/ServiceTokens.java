package dev.agentlocator.crm.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.agentlocator.platform.kit.errors.ApiException;
import dev.agentlocator.platform.security.tokens.TokenClaims;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Short-lived service tokens for the suite's own services (client credentials, ADR 0021): a
 * service proves who it is with its own secret and gets a token with the {@code service} role
 * only, for one tenant, so it can call crm's {@code /internal/**} endpoints and nothing a person can.
 */
@Component
class ServiceTokens {

    static final String INVALID_CLIENT = "השירות לא זוהה";

    private final TokenProperties properties;
    private final SigningKeys keys;
    private final Clock clock;

    ServiceTokens(TokenProperties properties, SigningKeys keys, Clock clock) {
        this.properties = properties;
        this.keys = keys;
        this.clock = clock;
    }

    record Issued(String token, long expiresInSeconds) {}

    Issued issue(String clientId, String clientSecret, UUID tenantId) {
        if (!authenticates(clientId, clientSecret)) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "invalid_client", INVALID_CLIENT);
        }
        Instant now = clock.instant();
        String token = keys.sign(new JWTClaimsSet.Builder()
                .issuer(TokenClaims.ISSUER)
                .subject(subjectOf(clientId).toString())
                .jwtID(UUID.randomUUID().toString())
                .claim(TokenClaims.TENANT, tenantId.toString())
                .claim(TokenClaims.ROLES, List.of(TokenClaims.SERVICE_ROLE))
                .claim(TokenClaims.CLIENT, clientId)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(properties.serviceTokenTtl())))
                .build());
        return new Issued(token, properties.serviceTokenTtl().toSeconds());
    }

    /** A service's fixed user id: every token names a UUID subject, a service's is derived from its name. */
    static UUID subjectOf(String clientId) {
        return UUID.nameUUIDFromBytes(clientId.getBytes(StandardCharsets.UTF_8));
    }

    private boolean authenticates(String clientId, String clientSecret) {
        String expected = clientId == null ? null : properties.serviceClients().get(clientId);
        if (expected == null || expected.isBlank() || clientSecret == null) {
            return false;
        }
        // digests of equal length, compared in constant time: the answer's timing tells nothing
        return MessageDigest.isEqual(digest(expected), digest(clientSecret));
    }

    private static byte[] digest(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
