package dev.agentlocator.platform.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * telephony-service's call events on {@code telephony.call.v1}: {@link #RECEIVED} at the start,
 * {@link #STATUS_CHANGED} between, exactly one {@link #COMPLETED} with the final status (the one
 * statistics count).
 */
public enum CallEvent implements EventType<CallEvent.Payload> {
    RECEIVED("call.received", 1),
    STATUS_CHANGED("call.status_changed", 1),
    COMPLETED("call.completed", 1);

    private final String type;
    private final int version;

    CallEvent(String type, int version) {
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
        return Topics.TELEPHONY_CALL;
    }

    @Override
    public Class<Payload> payloadClass() {
        return Payload.class;
    }

    /** The type of {@code event} when it is one of these; empty otherwise. */
    public static Optional<CallEvent> of(EventEnvelope event) {
        return EventTypes.find(List.of(values()), event);
    }

    /**
     * @param callId our id; the only one of a sandbox call, which has no Twilio sid
     * @param direction {@code inbound} / {@code outbound}; Twilio's {@code outbound-api} etc. too
     * @param status Twilio's call status
     * @param answeredBy {@code ai}, {@code agent}, or absent when nobody answered
     * @param details what the receptionist gathered, merged over the turns
     * @param sandbox {@code true} when nothing reached Twilio; absent otherwise
     * @param linkedLater {@code true} when the call is re-told after it was linked to its customer
     */
    public record Payload(
            String callId,
            String callSid,
            String direction,
            String from,
            String to,
            String status,
            Integer durationSeconds,
            String answeredBy,
            String outcome,
            String transcript,
            Map<String, Object> details,
            Boolean sandbox,
            Boolean linkedLater) {}
}
