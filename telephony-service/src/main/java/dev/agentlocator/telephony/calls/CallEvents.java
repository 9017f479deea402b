package dev.agentlocator.telephony.calls;

import dev.agentlocator.platform.events.EventEnvelope;
import dev.agentlocator.platform.events.Topics;
import dev.agentlocator.platform.kit.logging.Correlation;
import dev.agentlocator.platform.kit.outbox.Outbox;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * {@code telephony.call.v1} as timeline-service reads it (ADR 0005): {@code call.received} at the
 * start, {@code call.status_changed} between, exactly one {@code call.completed} with the final
 * status. Payloads carry state, never nulls.
 */
@Component
class CallEvents {

    static final String RECEIVED = "call.received";
    static final String STATUS_CHANGED = "call.status_changed";
    static final String COMPLETED = "call.completed";

    private final Outbox outbox;

    CallEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    void append(String type, CallLog call, String transcript, Map<String, Object> details) {
        append(type, call, transcript, details, OffsetDateTime.now(), Map.of());
    }

    /** {@code occurredAt} other than now: a late link re-tells a call at the time it happened. */
    void append(
            String type,
            CallLog call,
            String transcript,
            Map<String, Object> details,
            OffsetDateTime occurredAt,
            Map<String, Object> extra) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("callId", call.id().toString());
        put(payload, "callSid", call.callSid());
        payload.put("direction", call.direction());
        payload.put("from", call.from());
        payload.put("to", call.to());
        payload.put("status", call.status());
        put(payload, "durationSeconds", call.durationSeconds());
        put(payload, "answeredBy", call.answeredBy());
        put(payload, "outcome", call.outcome());
        if (transcript != null && !transcript.isBlank()) {
            payload.put("transcript", transcript);
        }
        if (details != null && !details.isEmpty()) {
            payload.put("details", details);
        }
        if (call.sandbox()) {
            payload.put("sandbox", true);
        }
        payload.putAll(extra);
        String correlation = Correlation.currentId();
        outbox.append(
                Topics.TELEPHONY_CALL,
                new EventEnvelope(
                        UUID.randomUUID(),
                        type,
                        1,
                        call.tenantId(),
                        call.customerId(),
                        occurredAt,
                        correlation != null ? correlation : UUID.randomUUID().toString(),
                        payload));
    }

    private static void put(Map<String, Object> payload, String key, Object value) {
        if (value != null) {
            payload.put(key, value);
        }
    }
}
