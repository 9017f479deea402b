package dev.agentlocator.platform.kit.security;

import dev.agentlocator.platform.security.tokens.TokenClaims;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling, taken from the validated access token. The tenant always comes from here and
 * never from a request body or path. Declare it as a controller parameter to receive it.
 */
public record CurrentUser(UUID userId, UUID tenantId, Set<String> roles, String email) {

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** The caller of the current request; fails when the request is not authenticated. */
    public static CurrentUser get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof JwtAuthenticationToken token) {
            return from(token.getToken());
        }
        throw new IllegalStateException("No authenticated user in this request");
    }

    static CurrentUser from(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(TokenClaims.ROLES);
        return new CurrentUser(
                UUID.fromString(jwt.getSubject()),
                UUID.fromString(jwt.getClaimAsString(TokenClaims.TENANT)),
                roles == null ? Set.of() : Set.copyOf(roles),
                jwt.getClaimAsString(TokenClaims.EMAIL));
    }
}
