package dev.agentlocator.platform.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * crm-service's tenant events on the compacted {@code crm.tenant.v1}, keyed by tenant (ADR 0003):
 * the latest record of a tenant is its whole truth.
 */
public enum TenantEvent implements EventType<TenantEvent.Payload> {
    /** The complete flag set of one tenant, every feature named. */
    FEATURES_CHANGED("tenant.features.changed", 1);

    private final String type;
    private final int version;

    TenantEvent(String type, int version) {
        this.type = type;
        this.version = version;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public int version() {
        return version;
    }

    @Override
    public String topic() {
        return Topics.CRM_TENANT;
    }

    @Override
    public Class<Payload> payloadClass() {
        return Payload.class;
    }

    /** The type of {@code event} when it is one of these; empty otherwise. */
    public static Optional<TenantEvent> of(EventEnvelope event) {
        return EventTypes.find(List.of(values()), event);
    }

    /** @param features every feature of the suite with whether it is on for the tenant */
    public record Payload(Map<String, Boolean> features) {}
}
