package dev.agentlocator.crm.users;

import dev.agentlocator.platform.events.EventEnvelope;
import dev.agentlocator.platform.events.UserEvent;
import dev.agentlocator.platform.kit.logging.Correlation;
import dev.agentlocator.platform.kit.outbox.Outbox;
import org.springframework.stereotype.Component;

/**
 * Writes {@link UserEvent}s: each carries the user's whole public state (name, role, active), so the
 * latest one per user is all a reader needs; the email and password hash never leave crm. The
 * migration {@code V6__user_events} wrote the same payload for the users who existed before the
 * topic.
 */
@Component
class UserEvents {

    private final Outbox outbox;

    UserEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Must run inside the transaction that wrote {@code user}. */
    void append(UserEvent type, User user) {
        outbox.append(EventEnvelope.of(
                type,
                user.tenantId(),
                null,
                Correlation.currentId(),
                new UserEvent.Payload(user.id().toString(), user.name(), user.role(), user.active())));
    }
}
