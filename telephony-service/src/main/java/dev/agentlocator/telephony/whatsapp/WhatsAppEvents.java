package dev.agentlocator.telephony.whatsapp;

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
 * {@code telephony.whatsapp.v1} as timeline-service reads it (ADR 0005): {@code whatsapp.sent},
 * {@code whatsapp.received}, {@code whatsapp.status_changed}; payload {@code messageSid,
 * direction, status, text} plus our id, the peer and {@code sandbox} when it was never sent.
 */
@Component
class WhatsAppEvents {

    static final String SENT = "whatsapp.sent";
    static final String RECEIVED = "whatsapp.received";
    static final String STATUS_CHANGED = "whatsapp.status_changed";

    private final Outbox outbox;

    WhatsAppEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    void append(String type, WhatsAppMessage m) {
        append(type, m, OffsetDateTime.now(), Map.of());
    }

    void append(String type, WhatsAppMessage m, OffsetDateTime occurredAt, Map<String, Object> extra) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("messageId", m.id().toString());
        if (m.messageSid() != null) {
            payload.put("messageSid", m.messageSid());
        }
        payload.put("direction", m.direction());
        payload.put("status", m.status());
        payload.put("text", m.text());
        payload.put("peerPhone", m.peerPhone());
        if (m.mediaCount() > 0) {
            payload.put("mediaCount", m.mediaCount());
        }
        if (m.errorCode() != null) {
            payload.put("errorCode", m.errorCode());
        }
        if (m.sandbox()) {
            payload.put("sandbox", true);
        }
        payload.putAll(extra);
        String correlation = Correlation.currentId();
        outbox.append(
                Topics.TELEPHONY_WHATSAPP,
                new EventEnvelope(
                        UUID.randomUUID(),
                        type,
                        1,
                        m.tenantId(),
                        m.customerId(),
                        occurredAt,
                        correlation != null ? correlation : UUID.randomUUID().toString(),
                        payload));
    }
}
