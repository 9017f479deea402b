package dev.agentlocator.platform.kit.features;

import dev.agentlocator.platform.events.EventEnvelope;
import dev.agentlocator.platform.events.TenantEvent;
import dev.agentlocator.platform.kit.messaging.EventReader;
import dev.agentlocator.platform.kit.messaging.PoisonEventException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tenant flags held in memory and rebuilt from the compacted {@code crm.tenant.v1} topic, read from
 * its beginning by every instance (see ADR 0003). A tenant never heard of has everything on: a new
 * tenant's event may still be on its way, and switching off is always an explicit, published act.
 */
public class EventFedTenantFeatures implements TenantFeatures {

    private static final Logger log = LoggerFactory.getLogger(EventFedTenantFeatures.class);

    private final EventReader reader;
    private final Map<UUID, Set<String>> disabledByTenant = new ConcurrentHashMap<>();

    public EventFedTenantFeatures(EventReader reader) {
        this.reader = reader;
    }

    @Override
    public boolean isEnabled(UUID tenantId, String feature) {
        Set<String> disabled = disabledByTenant.get(tenantId);
        return disabled == null || !disabled.contains(feature);
    }

    /** Applies one record of {@code crm.tenant.v1}; records of other types are skipped. */
    public void accept(String value) {
        if (value == null) {
            return; // a tombstone: nothing to learn
        }
        EventEnvelope event;
        try {
            event = reader.read(value);
        } catch (PoisonEventException e) {
            log.warn("Skipping unreadable record on the tenant topic: {}", e.getMessage());
            return;
        }
        if (!TenantEvent.FEATURES_CHANGED.isTypeOf(event)) {
            return;
        }
        Map<String, Boolean> flags = event.payload(TenantEvent.FEATURES_CHANGED).features();
        if (flags == null) {
            return;
        }
        Set<String> disabled = flags.entrySet().stream()
                .filter(e -> Boolean.FALSE.equals(e.getValue()))
                .map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
        disabledByTenant.put(event.tenantId(), disabled);
        log.debug("Features of tenant {} now disabled: {}", event.tenantId(), disabled);
    }
}
