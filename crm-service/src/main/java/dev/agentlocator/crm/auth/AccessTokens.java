package dev.agentlocator.crm.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.agentlocator.crm.users.User;
import dev.agentlocator.platform.security.tokens.TokenClaims;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** A person's access token, signed by crm-service alone (ADR 0021). */
@Component
class AccessTokens {

    private final SigningKeys keys;
    private final AuthProperties properties;
    private final Clock clock;

    AccessTokens(SigningKeys keys, AuthProperties properties, Clock clock) {
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    String issue(User user) {
        Instant now = clock.instant();
        return keys.sign(new JWTClaimsSet.Builder()
                .issuer(TokenClaims.ISSUER)
                .subject(user.id().toString())
                .jwtID(UUID.randomUUID().toString())
                .claim(TokenClaims.TENANT, user.tenantId().toString())
                .claim(TokenClaims.ROLES, List.of(user.role()))
                .claim(TokenClaims.EMAIL, user.email())
                .claim(TokenClaims.NAME, user.name())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(properties.accessTokenTtl())))
                .build());
    }

    long expiresInSeconds() {
        return properties.accessTokenTtl().toSeconds();
    }
}
