package dev.agentlocator.crm.users;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A person who logs in; belongs to one tenant. */
public record User(
        UUID id,
        UUID tenantId,
        String name,
        String email,
        String passwordHash,
        String role,
        boolean active,
        OffsetDateTime createdAt,
        boolean emailVerified) {

    public UserView view() {
        return new UserView(id, name, email, role, tenantId, active, createdAt, emailVerified);
    }
}
