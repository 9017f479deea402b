package dev.agentlocator.tasks.customers;

import dev.agentlocator.platform.events.CustomerEvent;
import dev.agentlocator.platform.events.EventEnvelope;
import dev.agentlocator.platform.events.Topics;
import dev.agentlocator.platform.kit.messaging.CustomerChange;
import dev.agentlocator.platform.kit.messaging.EventReader;
import dev.agentlocator.platform.kit.messaging.IdempotentConsumer;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Applies crm-service's customer events to {@link CustomerDirectory}, once per event. */
@Component
class CustomerEventsListener {

    static final String CONSUMER = "tasks-customer-directory";

    private final EventReader reader;
    private final IdempotentConsumer once;
    private final CustomerDirectory directory;

    CustomerEventsListener(EventReader reader, IdempotentConsumer once, CustomerDirectory directory) {
        this.reader = reader;
        this.once = once;
        this.directory = directory;
    }

    /** The service's shared consumer group: one instance applies each event. */
    @KafkaListener(id = CONSUMER, idIsGroup = false, topics = Topics.CRM_CUSTOMER)
    void onCustomerEvent(ConsumerRecord<String, String> record) {
        EventEnvelope event = reader.read(record.value());
        CustomerChange.of(event)
                .ifPresent(c -> once.handleOnce(
                        CONSUMER,
                        event,
                        e -> directory.upsert(
                                c.tenantId(),
                                c.customerId(),
                                c.name(),
                                c.phone(),
                                ownerOf(e),
                                c.deleted(),
                                c.occurredAt())));
    }

    /** Who owns the customer; a call-back goes to them first (ADR 0027). */
    private static UUID ownerOf(EventEnvelope event) {
        String owner = CustomerEvent.of(event)
                .map(type -> event.payload(type).ownerId())
                .orElse(null);
        try {
            return owner == null || owner.isBlank() ? null : UUID.fromString(owner.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
