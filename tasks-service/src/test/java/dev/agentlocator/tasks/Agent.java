package dev.agentlocator.tasks;

import dev.agentlocator.testkit.Api;
import dev.agentlocator.testkit.TestJwt;
import java.util.UUID;

/** A user of a tenant, with an API client that carries their token. */
public record Agent(UUID userId, UUID tenantId, String role, Api api) {

    public static Agent in(int port, UUID tenantId, String role) {
        UUID user = UUID.randomUUID();
        return new Agent(user, tenantId, role, Api.at(port).withToken(TestJwt.token(user, tenantId, role)));
    }

    public static Agent ownerOfNewTenant(int port) {
        return in(port, UUID.randomUUID(), "owner");
    }
}
