package dev.agentlocator.platform.events;

import java.util.List;
import java.util.Optional;

/** telephony-service's WhatsApp message events on {@code telephony.whatsapp.v1}. */
public enum WhatsAppEvent implements EventType<WhatsAppEvent.Payload> {
    SENT("whatsapp.sent", 1),
    RECEIVED("whatsapp.received", 1),
    STATUS_CHANGED("whatsapp.status_changed", 1);

    private final String type;
    private final int version;

    WhatsAppEvent(String type, int version) {
        this.type = type;
        this.version = version;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public int version() {
        return version;
    }

    @Override
    public String topic() {
        return Topics.TELEPHONY_WHATSAPP;
    }

    @Override
    public Class<Payload> payloadClass() {
        return Payload.class;
    }

    /** The type of {@code event} when it is one of these; empty otherwise. */
    public static Optional<WhatsAppEvent> of(EventEnvelope event) {
        return EventTypes.find(List.of(values()), event);
    }

    /**
     * @param messageId our id; the only one of a sandbox message, which has no Twilio sid
     * @param direction {@code inbound} / {@code outbound}
     * @param status queued, sent, delivered, read, failed...
     * @param peerPhone the customer's side of the conversation
     * @param mediaCount absent when there is no media
     * @param sandbox {@code true} when nothing reached Twilio; absent otherwise
     * @param linkedLater {@code true} when the message is re-told after it was linked to its customer
     * @param errorMessage Twilio's {@code errorCode} as a Hebrew sentence the agent can act on
     * @param contentSid the approved template (Twilio Content API) an outbound message was sent as
     * @param assignedTo the user the conversation is assigned to; absent when unassigned
     * @param optOut {@code opted_out} / {@code opted_in} when this inbound message was STOP / START
     * @param customerName the customer's name when known (for notifications)
     */
    public record Payload(
            String messageId,
            String messageSid,
            String direction,
            String status,
            String text,
            String peerPhone,
            Integer mediaCount,
            String errorCode,
            Boolean sandbox,
            Boolean linkedLater,
            String errorMessage,
            String contentSid,
            String assignedTo,
            String optOut,
            String customerName) {}
}
