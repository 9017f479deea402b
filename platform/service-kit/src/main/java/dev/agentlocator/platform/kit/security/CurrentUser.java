package dev.agentlocator.platform.kit.security;

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

    public static final String TENANT_CLAIM = "tid";
    public static final String ROLES_CLAIM = "roles";

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
        List<String> roles = jwt.getClaimAsStringList(ROLES_CLAIM);
        return new CurrentUser(
                UUID.fromString(jwt.getSubject()),
                UUID.fromString(jwt.getClaimAsString(TENANT_CLAIM)),
                roles == null ? Set.of() : Set.copyOf(roles),
                jwt.getClaimAsString("email"));
    }
}
