package dev.agentlocator.testkit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Mints access tokens shaped like crm-service's (ES256, {@code kid} in the header), for tests.
 *
 * <p>{@link #KEY} is the tests' signing key: crm-service under test signs with it ({@link
 * #signingKeys()} as its {@code TOKEN_SIGNING_KEYS}) and every other service and the gateway trust
 * it through the JWKS {@link TestJwks#shared()} publishes. It is made once per test JVM.
 */
public final class TestJwt {

    public static final String ISSUER = "agentlocator";

    /** The key crm-service under test signs with and every validator under test trusts. */
    public static final ECKey KEY = generate("test-key-1");

    /** The client secret telephony-service authenticates to crm-service with in tests. */
    public static final String TELEPHONY_CLIENT_SECRET = "test-telephony-client-secret-0123456789";

    /** An attacker's key that claims {@link #KEY}'s id. */
    private static final ECKey ATTACKER = generate(KEY.getKeyID());

    /** A valid token for {@code role} in {@code tenantId}. */
    public static String token(UUID userId, UUID tenantId, String role) {
        return sign(KEY, userId, tenantId, role, Instant.now().plus(Duration.ofMinutes(15)));
    }

    /** A token that expired a minute ago. */
    public static String expired(UUID userId, UUID tenantId, String role) {
        return sign(KEY, userId, tenantId, role, Instant.now().minus(Duration.ofMinutes(1)));
    }

    /** A well-formed token that names the trusted key's id but is signed with another key. */
    public static String signedWithWrongKey(UUID userId, UUID tenantId, String role) {
        return sign(ATTACKER, userId, tenantId, role, Instant.now().plus(Duration.ofMinutes(15)));
    }

    /**
     * A token of the old kind (HS256 with a shared secret, as every service could once mint) that
     * names the trusted key's id: no validator may accept a symmetric algorithm.
     */
    public static String signedWithSharedSecret(UUID userId, UUID tenantId, String role) {
        var header = new JWSHeader.Builder(JWSAlgorithm.HS256)
                .keyID(KEY.getKeyID())
                .type(JOSEObjectType.JWT)
                .build();
        SignedJWT jwt = new SignedJWT(
                header, claims(userId, tenantId, role, Instant.now().plus(Duration.ofMinutes(15))));
        try {
            jwt.sign(new MACSigner("a-shared-secret-of-the-old-kind-0123456789".getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    public static String sign(ECKey key, UUID userId, UUID tenantId, String role, Instant expiresAt) {
        return sign(key, claims(userId, tenantId, role, expiresAt));
    }

    private static JWTClaimsSet claims(UUID userId, UUID tenantId, String role, Instant expiresAt) {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(userId.toString())
                .claim("tid", tenantId.toString())
                .claim("roles", List.of(role))
                .claim("email", "user-" + userId + "@example.test")
                .issueTime(Date.from(expiresAt.minus(Duration.ofMinutes(15))))
                .expirationTime(Date.from(expiresAt))
                .build();
    }

    /** Any claims, signed ES256 with {@code key} and its id in the header, as crm-service signs. */
    public static String sign(ECKey key, JWTClaimsSet claims) {
        var header = new JWSHeader.Builder(JWSAlgorithm.ES256)
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** A fresh P-256 key pair named {@code keyId}. */
    public static ECKey generate(String keyId) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@link #KEY} with its private part, as crm-service reads {@code TOKEN_SIGNING_KEYS}. */
    public static String signingKeys() {
        return new JWKSet(KEY).toString(false);
    }

    private TestJwt() {}
}
