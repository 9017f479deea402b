package dev.agentlocator.tasks.callbacks;

import dev.agentlocator.platform.events.CallLeadEvent;
import dev.agentlocator.platform.events.EventEnvelope;
import dev.agentlocator.platform.events.Topics;
import dev.agentlocator.platform.kit.messaging.EventReader;
import dev.agentlocator.platform.kit.messaging.IdempotentConsumer;
import dev.agentlocator.tasks.callbacks.CallbackService.CallNeedingCallback;
import dev.agentlocator.tasks.callbacks.CallbackService.Reason;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads telephony's call topic for the lead each inbound call sends when it ends ({@code
 * call.lead_qualified} with {@code callEnded}, ADR 0027): with {@code callbackPromised} the
 * receptionist promised a call-back; without it nobody was answered (the caller hung up before
 * speaking, or was never understood): a missed call. Either way the call gets its task; each event
 * is handled once and each call has one task (the task's unique call id).
 */
@Component
class CallbackListener {

    static final String CONSUMER = "tasks-call-backs";

    private final EventReader reader;
    private final IdempotentConsumer once;
    private final CallbackService callbacks;

    CallbackListener(EventReader reader, IdempotentConsumer once, CallbackService callbacks) {
        this.reader = reader;
        this.once = once;
        this.callbacks = callbacks;
    }

    @KafkaListener(id = CONSUMER, idIsGroup = false, topics = Topics.TELEPHONY_CALL)
    void onCallEvent(ConsumerRecord<String, String> record) {
        EventEnvelope event = reader.read(record.value());
        needsCallback(event).ifPresent(call -> once.handleOnce(CONSUMER, event, e -> callbacks.create(call)));
    }

    static Optional<CallNeedingCallback> needsCallback(EventEnvelope event) {
        if (!CallLeadEvent.QUALIFIED.isTypeOf(event)) {
            return Optional.empty();
        }
        var lead = event.payload(CallLeadEvent.QUALIFIED);
        if (!Boolean.TRUE.equals(lead.callEnded()) || text(lead.callId()) == null) {
            return Optional.empty();
        }
        return Optional.of(new CallNeedingCallback(
                event.tenantId(),
                event.customerId(),
                text(lead.callId()),
                Boolean.TRUE.equals(lead.callbackPromised()) ? Reason.PROMISED : Reason.MISSED,
                text(lead.name()),
                text(lead.from()),
                text(lead.summary())));
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
