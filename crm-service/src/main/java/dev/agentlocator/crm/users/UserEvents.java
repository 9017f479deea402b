package dev.agentlocator.crm.users;

import dev.agentlocator.platform.events.EventEnvelope;
import dev.agentlocator.platform.events.Topics;
import dev.agentlocator.platform.kit.logging.Correlation;
import dev.agentlocator.platform.kit.outbox.Outbox;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code user.created} and {@code user.updated} on {@code crm.user.v1}, keyed by user id. Each event
 * carries the user's whole public state (name, role, active), so the latest one per key is all a
 * reader needs; the email and password hash never leave crm. The migration {@code
 * V6__user_events} wrote the same payload for the users who existed before the topic.
 */
@Component
class UserEvents {

    static final String CREATED = "user.created";
    static final String UPDATED = "user.updated";

    private final Outbox outbox;

    UserEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Must run inside the transaction that wrote {@code user}. */
    void append(String type, User user) {
        var payload = Map.<String, Object>of(
                "userId", user.id().toString(),
                "name", user.name(),
                "role", user.role(),
                "active", user.active());
        outbox.append(
                Topics.CRM_USER,
                user.id().toString(),
                EventEnvelope.create(type, user.tenantId(), null, Correlation.currentId(), payload));
    }
}
