package dev.agentlocator.crm.customers;

import dev.agentlocator.platform.events.CallLeadEvent;
import dev.agentlocator.platform.events.EventEnvelope;
import dev.agentlocator.platform.events.Topics;
import dev.agentlocator.platform.kit.messaging.EventReader;
import dev.agentlocator.platform.kit.messaging.IdempotentConsumer;
import java.math.BigDecimal;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Fills customers from the receptionist's leads ({@code call.lead_qualified}, ADR 0027), once per
 * event. A lead without a customer (crm was down when the call came) waits for the call's link;
 * every other event of the topic is skipped.
 */
@Component
class CallLeadListener {

    static final String CONSUMER = "crm-call-leads";
    private static final Logger log = LoggerFactory.getLogger(CallLeadListener.class);

    private final EventReader reader;
    private final IdempotentConsumer once;
    private final CustomerService customers;

    CallLeadListener(EventReader reader, IdempotentConsumer once, CustomerService customers) {
        this.reader = reader;
        this.once = once;
        this.customers = customers;
    }

    @KafkaListener(id = CONSUMER, idIsGroup = false, topics = Topics.TELEPHONY_CALL)
    void onCallEvent(ConsumerRecord<String, String> record) {
        EventEnvelope event = reader.read(record.value());
        if (CallLeadEvent.of(event).isEmpty() || event.customerId() == null) {
            return;
        }
        var p = event.payload(CallLeadEvent.QUALIFIED);
        if (p.callId() == null) {
            return;
        }
        once.handleOnce(CONSUMER, event, e -> {
            var filled = customers.fillFromCall(
                    e.tenantId(),
                    e.customerId(),
                    new CustomerService.CallLead(
                            p.callId(),
                            text(p.name(), 200),
                            text(p.intent(), 40),
                            text(p.area(), 100),
                            rooms(p.rooms()),
                            p.budgetAgorot() != null && p.budgetAgorot() > 0 ? p.budgetAgorot() : null,
                            text(p.timing(), 300),
                            text(p.summary(), 2000)));
            if (!filled.isEmpty()) {
                log.info("Customer {} filled from call {}: {}", e.customerId(), p.callId(), filled.keySet());
            }
        });
    }

    /** Another service's text: blank is none, and nothing longer than the column takes. */
    private static String text(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        return text.length() <= max ? text : null;
    }

    private static BigDecimal rooms(String text) {
        if (text == null) {
            return null;
        }
        try {
            BigDecimal rooms = new BigDecimal(text.strip());
            return rooms.signum() > 0 && rooms.compareTo(BigDecimal.valueOf(99)) < 0 ? rooms : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
