package dev.agentlocator.telephony.customers;

import dev.agentlocator.platform.events.EventEnvelope;
import dev.agentlocator.platform.events.Topics;
import dev.agentlocator.platform.kit.messaging.CustomerChange;
import dev.agentlocator.platform.kit.messaging.EventReader;
import dev.agentlocator.platform.kit.messaging.IdempotentConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Applies crm-service's customer events to {@link CustomerDirectory}, once per event, and links
 * calls and messages that waited with the phone only (crm was down when they came in).
 */
@Component
class CustomerEventsListener {

    static final String CONSUMER = "telephony-customer-directory";

    private final EventReader reader;
    private final IdempotentConsumer once;
    private final CustomerDirectory directory;
    private final ApplicationEventPublisher publisher;

    CustomerEventsListener(
            EventReader reader,
            IdempotentConsumer once,
            CustomerDirectory directory,
            ApplicationEventPublisher publisher) {
        this.reader = reader;
        this.once = once;
        this.directory = directory;
        this.publisher = publisher;
    }

    @KafkaListener(id = CONSUMER, idIsGroup = false, topics = Topics.CRM_CUSTOMER)
    void onCustomerEvent(ConsumerRecord<String, String> record) {
        EventEnvelope event = reader.read(record.value());
        CustomerChange.of(event)
                .ifPresent(c -> once.handleOnce(CONSUMER, event, e -> {
                    boolean applied = directory.upsert(
                            c.tenantId(), c.customerId(), c.name(), c.phone(), c.deleted(), c.occurredAt());
                    if (applied && !c.deleted() && c.phone() != null) {
                        publisher.publishEvent(new CustomerPhoneKnown(c.tenantId(), c.customerId(), c.phone()));
                    }
                }));
    }
}
