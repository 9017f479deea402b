package dev.agentlocator.crm.tenants;

import dev.agentlocator.platform.kit.security.CurrentUser;
import dev.agentlocator.platform.kit.security.Roles;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code {"crm":true,"calls":false,…}}: read by everyone of the tenant, changed by the owner. */
@RestController
@RequestMapping("/api/tenant/features")
class TenantFeatureController {

    private final TenantFeatureService features;

    TenantFeatureController(TenantFeatureService features) {
        this.features = features;
    }

    @GetMapping
    @PreAuthorize(Roles.CAN_READ)
    Map<String, Boolean> get(CurrentUser caller) {
        return features.features(caller.tenantId());
    }

    @PutMapping
    @PreAuthorize(Roles.CAN_MANAGE)
    Map<String, Boolean> update(@RequestBody Map<String, Boolean> changes, CurrentUser caller) {
        return features.update(caller.tenantId(), changes);
    }
}
