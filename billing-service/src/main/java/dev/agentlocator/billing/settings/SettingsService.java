package dev.agentlocator.billing.settings;

import static dev.agentlocator.platform.kit.text.Text.blankToNull;

import dev.agentlocator.platform.kit.israel.IsraeliIds;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Per-tenant billing settings; documents read them when they are priced and printed. */
@Service
public class SettingsService {

    private final SettingsRepository settings;

    SettingsService(SettingsRepository settings) {
        this.settings = settings;
    }

    @Transactional(readOnly = true)
    public BillingSettings get(UUID tenantId) {
        return settings.find(tenantId).orElseGet(BillingSettings::defaults);
    }

    @Transactional
    BillingSettings update(UUID tenantId, UpdateSettingsRequest r) {
        settings.save(
                tenantId,
                new BillingSettings(
                        r.vatRateBasisPoints(),
                        blankToNull(r.businessName()),
                        blankToNull(IsraeliIds.normalize(r.businessId())),
                        blankToNull(r.address()),
                        blankToNull(r.phone())));
        return get(tenantId);
    }
}
