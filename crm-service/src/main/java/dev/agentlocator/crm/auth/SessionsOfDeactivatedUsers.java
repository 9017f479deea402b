package dev.agentlocator.crm.auth;

import dev.agentlocator.crm.users.UserDeactivated;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A deactivated user can no longer refresh: their refresh tokens are revoked in the same transaction. */
@Component
class SessionsOfDeactivatedUsers {

    private final RefreshTokenRepository refreshTokens;

    SessionsOfDeactivatedUsers(RefreshTokenRepository refreshTokens) {
        this.refreshTokens = refreshTokens;
    }

    @EventListener
    void onDeactivated(UserDeactivated deactivated) {
        refreshTokens.revokeAllOfUser(deactivated.userId());
    }
}
