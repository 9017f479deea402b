package dev.agentlocator.billing.settings;

import dev.agentlocator.platform.kit.security.CurrentUser;
import dev.agentlocator.platform.kit.security.Roles;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The owner's billing settings. Served under {@code /api/invoices/settings}, which the gateway
 * already routes here, and under {@code /api/billing/settings} for direct callers.
 */
@RestController
@RequestMapping({"/api/invoices/settings", "/api/billing/settings"})
@PreAuthorize(Roles.OWNER_ONLY)
class SettingsController {

    private final SettingsService settings;

    SettingsController(SettingsService settings) {
        this.settings = settings;
    }

    @GetMapping
    BillingSettings get(CurrentUser caller) {
        return settings.get(caller.tenantId());
    }

    @PutMapping
    BillingSettings update(@Valid @RequestBody UpdateSettingsRequest request, CurrentUser caller) {
        return settings.update(caller.tenantId(), request);
    }
}
