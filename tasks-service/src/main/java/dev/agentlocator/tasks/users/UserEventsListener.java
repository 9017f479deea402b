package dev.agentlocator.tasks.users;

import dev.agentlocator.platform.events.EventEnvelope;
import dev.agentlocator.platform.events.Topics;
import dev.agentlocator.platform.events.UserEvent;
import dev.agentlocator.platform.kit.messaging.EventReader;
import dev.agentlocator.platform.kit.messaging.IdempotentConsumer;
import dev.agentlocator.platform.kit.messaging.PoisonEventException;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Applies crm-service's user events to {@link UserDirectory}, once per event. */
@Component
class UserEventsListener {

    static final String CONSUMER = "tasks-user-directory";

    private final EventReader reader;
    private final IdempotentConsumer once;
    private final UserDirectory directory;

    UserEventsListener(EventReader reader, IdempotentConsumer once, UserDirectory directory) {
        this.reader = reader;
        this.once = once;
        this.directory = directory;
    }

    /** The service's shared consumer group: one instance applies each event. */
    @KafkaListener(id = CONSUMER, idIsGroup = false, topics = Topics.CRM_USER)
    void onUserEvent(ConsumerRecord<String, String> record) {
        EventEnvelope event = reader.read(record.value());
        user(event)
                .ifPresent(u -> once.handleOnce(
                        CONSUMER,
                        event,
                        e -> directory.upsert(e.tenantId(), u.id(), u.name(), u.role(), u.active(), e.occurredAt())));
    }

    /**
     * The user a {@link UserEvent} describes; empty for other types.
     *
     * @throws PoisonEventException when it lacks the user's id, name, role or active flag
     */
    static Optional<User> user(EventEnvelope event) {
        Optional<UserEvent> type = UserEvent.of(event);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        UserEvent.Payload user = event.payload(type.get());
        UUID userId;
        try {
            userId = UUID.fromString(String.valueOf(user.userId()));
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("User event " + event.id() + " has no valid userId", e);
        }
        if (user.name() == null || user.role() == null || user.active() == null) {
            throw new PoisonEventException("User event " + event.id() + " lacks the name, role or active flag");
        }
        return Optional.of(new User(userId, user.name(), user.role(), user.active()));
    }

    record User(UUID id, String name, String role, boolean active) {}
}
