package dev.agentlocator.billing.customers;

import dev.agentlocator.platform.events.EventEnvelope;
import dev.agentlocator.platform.events.Topics;
import dev.agentlocator.platform.kit.messaging.EventReader;
import dev.agentlocator.platform.kit.messaging.IdempotentConsumer;
import dev.agentlocator.platform.kit.messaging.PoisonEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Applies crm-service's customer events to {@link CustomerDirectory}, once per event. */
@Component
class CustomerEventsListener {

    static final String CONSUMER = "billing-customer-directory";

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
        boolean deleted;
        switch (event.type()) {
            case "customer.created", "customer.updated" -> deleted = false;
            case "customer.deleted" -> deleted = true;
            default -> {
                return; // tolerate event types added later
            }
        }
        if (event.customerId() == null || !(event.payload().get("name") instanceof String name)) {
            throw new PoisonEventException("Customer event " + event.id() + " lacks the customer id or name");
        }
        var customer = new BillingCustomer(
                event.customerId(),
                name,
                text(event, "phone"),
                text(event, "email"),
                // Optional in the payload: absent means "not a VAT dealer" (a private customer).
                text(event, "vatId"));
        once.handleOnce(CONSUMER, event, e -> directory.upsert(e.tenantId(), customer, deleted, e.occurredAt()));
    }

    private static String text(EventEnvelope event, String field) {
        return event.payload().get(field) instanceof String s && !s.isBlank() ? s.trim() : null;
    }
}
