package dev.agentlocator.telephony.whatsapp;

import dev.agentlocator.platform.events.EventEnvelope;
import dev.agentlocator.platform.events.WhatsAppEvent;
import dev.agentlocator.platform.kit.logging.Correlation;
import dev.agentlocator.platform.kit.outbox.Outbox;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Writes {@link WhatsAppEvent}s as timeline-service reads them (ADR 0005), with our id, the peer
 * and {@code sandbox} when the message was never sent.
 */
@Component
class WhatsAppEvents {

    private final Outbox outbox;

    WhatsAppEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    void append(WhatsAppEvent type, WhatsAppMessage m) {
        append(type, m, OffsetDateTime.now(), false);
    }

    /**
     * @param linkedLater the message is re-told at {@code occurredAt} because it was linked to its
     *     customer after the fact
     */
    void append(WhatsAppEvent type, WhatsAppMessage m, OffsetDateTime occurredAt, boolean linkedLater) {
        String correlation = Correlation.currentId();
        outbox.append(EventEnvelope.of(
                type,
                m.tenantId(),
                m.customerId(),
                occurredAt,
                correlation != null ? correlation : UUID.randomUUID().toString(),
                new WhatsAppEvent.Payload(
                        m.id().toString(),
                        m.messageSid(),
                        m.direction(),
                        m.status(),
                        m.text(),
                        m.peerPhone(),
                        m.mediaCount() > 0 ? m.mediaCount() : null,
                        m.errorCode(),
                        m.sandbox() ? true : null,
                        linkedLater ? true : null)));
    }
}
