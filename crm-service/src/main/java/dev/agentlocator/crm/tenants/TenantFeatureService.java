package dev.agentlocator.crm.tenants;

import dev.agentlocator.platform.events.EventEnvelope;
import dev.agentlocator.platform.events.TenantEvent;
import dev.agentlocator.platform.kit.errors.ApiException;
import dev.agentlocator.platform.kit.features.Features;
import dev.agentlocator.platform.kit.logging.Correlation;
import dev.agentlocator.platform.kit.outbox.Outbox;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Owns the per-tenant feature flags and publishes every change for the other services. */
@Service
public class TenantFeatureService {

    private final TenantRepository tenants;
    private final Outbox outbox;

    TenantFeatureService(TenantRepository tenants, Outbox outbox) {
        this.tenants = tenants;
        this.outbox = outbox;
    }

    /** Every feature of the suite with its state for the tenant. */
    @Transactional(readOnly = true)
    public Map<String, Boolean> features(UUID tenantId) {
        return complete(tenants.storedFeatures(tenantId));
    }

    /** Sets the flags named in {@code changes}; the others keep their state. */
    @Transactional
    public Map<String, Boolean> update(UUID tenantId, Map<String, Boolean> changes) {
        if (changes == null || changes.isEmpty()) {
            throw ApiException.badRequest("no_features", "יש לציין לפחות תכונה אחת לעדכון");
        }
        for (var change : changes.entrySet()) {
            if (!Features.isKnown(change.getKey())) {
                throw new ApiException(
                        org.springframework.http.HttpStatus.BAD_REQUEST,
                        "unknown_feature",
                        "התכונה " + change.getKey() + " אינה מוכרת",
                        Map.of("feature", change.getKey()));
            }
            if (change.getValue() == null) {
                throw ApiException.badRequest("invalid_feature_value", "ערך של תכונה חייב להיות true או false");
            }
        }
        changes.forEach((feature, enabled) -> tenants.upsertFeature(tenantId, feature, enabled));
        Map<String, Boolean> state = complete(tenants.storedFeatures(tenantId));
        publish(tenantId, state);
        return state;
    }

    /** Announces a new tenant's flags (all on), so the compacted topic knows every tenant. */
    public void publishInitial(UUID tenantId) {
        publish(tenantId, Features.allEnabled());
    }

    private void publish(UUID tenantId, Map<String, Boolean> state) {
        outbox.append(EventEnvelope.of(
                TenantEvent.FEATURES_CHANGED, tenantId, null, Correlation.currentId(), new TenantEvent.Payload(state)));
    }

    private static Map<String, Boolean> complete(Map<String, Boolean> stored) {
        Map<String, Boolean> all = new LinkedHashMap<>();
        Features.ALL.forEach(feature -> all.put(feature, stored.getOrDefault(feature, true)));
        return all;
    }
}
