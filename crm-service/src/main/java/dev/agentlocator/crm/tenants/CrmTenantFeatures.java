package dev.agentlocator.crm.tenants;

import dev.agentlocator.platform.kit.features.TenantFeatures;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * crm-service owns the flags, so its guard reads the table (one primary-key lookup) instead of
 * waiting for its own events; this replaces the kit's event-fed lookup.
 */
@Component
class CrmTenantFeatures implements TenantFeatures {

    private final TenantRepository tenants;

    CrmTenantFeatures(TenantRepository tenants) {
        this.tenants = tenants;
    }

    @Override
    public boolean isEnabled(UUID tenantId, String feature) {
        return tenants.featureEnabled(tenantId, feature);
    }
}
