package dev.agentlocator.platform.kit.features;

import java.util.UUID;

/**
 * Answers whether a tenant has a feature on. crm-service, which owns the flags, reads its own
 * table; every other service uses the kit's {@link EventFedTenantFeatures}.
 */
public interface TenantFeatures {

    boolean isEnabled(UUID tenantId, String feature);
}
