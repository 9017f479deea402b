package dev.agentlocator.crm.users;

import java.util.UUID;

/**
 * Published synchronously, inside the deactivating transaction, so whoever keeps a user's sessions
 * (auth) ends them in the same commit, without this package knowing who that is.
 */
public record UserDeactivated(UUID tenantId, UUID userId) {}
