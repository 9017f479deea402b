package dev.agentlocator.platform.events;

import java.util.List;
import java.util.Optional;

/**
 * crm-service's user events on the compacted {@code crm.user.v1}, keyed by user id, so the latest
 * record per key is the user's state (ADR 0016). The email and password hash never leave crm.
 */
public enum UserEvent implements EventType<UserEvent.Payload> {
    CREATED("user.created", 1),
    UPDATED("user.updated", 1);

    private final String type;
    private final int version;

    UserEvent(String type, int version) {
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
        return Topics.CRM_USER;
    }

    @Override
    public Class<Payload> payloadClass() {
        return Payload.class;
    }

    /** The type of {@code event} when it is one of these; empty otherwise. */
    public static Optional<UserEvent> of(EventEnvelope event) {
        return EventTypes.find(List.of(values()), event);
    }

    /** Keyed by the user, not the tenant: compaction keeps each user's latest state. */
    @Override
    public String keyOf(EventEnvelope event) {
        return payloadOf(event).userId();
    }

    /** @param role owner, admin, agent */
    public record Payload(String userId, String name, String role, Boolean active) {}
}
