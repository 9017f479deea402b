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
    private final ConversationRepository conversations;

    WhatsAppEvents(Outbox outbox, ConversationRepository conversations) {
        this.outbox = outbox;
        this.conversations = conversations;
    }

    void append(WhatsAppEvent type, WhatsAppMessage m) {
        append(type, m, OffsetDateTime.now(), false, null);
    }

    /** @param optOut {@code opted_out} / {@code opted_in} when this message changed the opt-out */
    void append(WhatsAppEvent type, WhatsAppMessage m, String optOut) {
        append(type, m, OffsetDateTime.now(), false, optOut);
    }

    void append(WhatsAppEvent type, WhatsAppMessage m, OffsetDateTime occurredAt, boolean linkedLater) {
        append(type, m, occurredAt, linkedLater, null);
    }

    /**
     * @param linkedLater the message is re-told at {@code occurredAt} because it was linked to its
     *     customer after the fact
     */
    private void append(
            WhatsAppEvent type, WhatsAppMessage m, OffsetDateTime occurredAt, boolean linkedLater, String optOut) {
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
                        linkedLater ? true : null,
                        m.errorMessage(),
                        m.contentSid(),
                        conversations
                                .assignee(m.tenantId(), m.peerPhone())
                                .map(UUID::toString)
                                .orElse(null),
                        optOut,
                        m.customerName())));
    }
}
