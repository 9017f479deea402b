package dev.agentlocator.crm.users;

import java.time.OffsetDateTime;
import java.util.UUID;

public record UserView(
        UUID id,
        String name,
        String email,
        String role,
        UUID tenantId,
        boolean active,
        OffsetDateTime createdAt,
        boolean emailVerified) {}
