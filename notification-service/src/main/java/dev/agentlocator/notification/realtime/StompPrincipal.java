package dev.agentlocator.notification.realtime;

import java.security.Principal;
import java.util.UUID;

/**
 * The user of a STOMP session, from the JWT of its CONNECT frame. Its name (the key of Spring's
 * user destinations) holds the tenant as well as the user, so an alert addressed to a user of one
 * tenant can never resolve to a session of another.
 */
record StompPrincipal(UUID tenantId, UUID userId) implements Principal {

    static String nameOf(UUID tenantId, UUID userId) {
        return tenantId + ":" + userId;
    }

    @Override
    public String getName() {
        return nameOf(tenantId, userId);
    }
}
