package dev.agentlocator.notification.push;

import java.util.UUID;

/** A browser's push subscription, owned by one user of one tenant. */
record PushSubscription(UUID id, UUID tenantId, UUID userId, String endpoint, String p256dh, String auth) {}
