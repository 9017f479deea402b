package dev.agentlocator.tasks.users;

import dev.agentlocator.platform.events.EventEnvelope;
import dev.agentlocator.platform.events.Topics;
import dev.agentlocator.platform.kit.messaging.EventReader;
import dev.agentlocator.platform.kit.messaging.IdempotentConsumer;
import dev.agentlocator.platform.kit.messaging.PoisonEventException;
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
        if (!"user.created".equals(event.type()) && !"user.updated".equals(event.type())) {
            return;
        }
        UUID userId = userId(event);
        if (!(event.payload().get("name") instanceof String name)
                || !(event.payload().get("role") instanceof String role)
                || !(event.payload().get("active") instanceof Boolean active)) {
            throw new PoisonEventException("User event " + event.id() + " lacks the name, role or active flag");
        }
        once.handleOnce(
                CONSUMER, event, e -> directory.upsert(e.tenantId(), userId, name, role, active, e.occurredAt()));
    }

    private static UUID userId(EventEnvelope event) {
        try {
            return UUID.fromString(String.valueOf(event.payload().get("userId")));
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("User event " + event.id() + " has no valid userId", e);
        }
    }
}
