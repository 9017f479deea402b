package dev.agentlocator.crm.auth;

import dev.agentlocator.crm.users.UserRepository;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * crm-service's own token check, plus "sign out everywhere" (ADR 0031): a person's access token
 * issued before their {@code sessions_valid_after} is refused here. The comparison is by whole
 * seconds, as {@code iat} has no finer precision: a token issued in the same second as the
 * sign-out is still accepted, one issued a second earlier is not.
 */
final class SignedOutTokens implements JwtDecoder {

    private final JwtDecoder decoder;
    private final UserRepository users;

    SignedOutTokens(JwtDecoder decoder, UserRepository users) {
        this.decoder = decoder;
        this.users = users;
    }

    @Override
    public Jwt decode(String token) {
        Jwt jwt = decoder.decode(token);
        UUID userId = userId(jwt);
        Instant issuedAt = jwt.getIssuedAt();
        if (userId != null && issuedAt != null) {
            users.sessionsValidAfter(userId).ifPresent(after -> {
                if (issuedAt.isBefore(after.toInstant().truncatedTo(ChronoUnit.SECONDS))) {
                    throw new BadJwtException("The user signed out everywhere after this token was issued");
                }
            });
        }
        return jwt;
    }

    private static UUID userId(Jwt jwt) {
        try {
            return jwt.getSubject() == null ? null : UUID.fromString(jwt.getSubject());
        } catch (IllegalArgumentException e) {
            return null; // a service token: its subject is the client's name
        }
    }
}
