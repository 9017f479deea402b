package dev.agentlocator.platform.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the AI receptionist learned about the caller, on {@code telephony.call.v1} beside the call's
 * own events: {@link #QUALIFIED} after each turn that added something and once more when the call
 * ends (ADR 0027). Its payload is the whole lead as known so far, not a diff, so a consumer that
 * missed one needs only the last.
 */
public enum CallLeadEvent implements EventType<CallLeadEvent.Payload> {
    QUALIFIED("call.lead_qualified", 1);

    private final String type;
    private final int version;

    CallLeadEvent(String type, int version) {
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
    public static Optional<CallLeadEvent> of(EventEnvelope event) {
        return EventTypes.find(List.of(values()), event);
    }

    /**
     * @param callId our id of the call
     * @param from the caller's number (E.164)
     * @param name the caller's name as they said it
     * @param intent {@code buy}, {@code rent}, {@code sell} or {@code other}
     * @param rooms a number of rooms as text ({@code "3.5"}): Israeli flats have half rooms
     * @param budgetAgorot the budget they named, in agorot
     * @param timing when they want to move or close, in their words
     * @param summary one Hebrew paragraph about the call
     * @param callbackPromised the receptionist promised that an agent calls back
     * @param sources each field above that is present, with the 1-based turn it came from
     * @param callEnded {@code true} on the event sent when the call ended; absent after a turn
     * @param turns how many turns the call had when this was sent
     */
    public record Payload(
            String callId,
            String callSid,
            String from,
            String name,
            String intent,
            String area,
            String rooms,
            Long budgetAgorot,
            String timing,
            String summary,
            Boolean callbackPromised,
            Map<String, Integer> sources,
            Boolean callEnded,
            Integer turns) {}
}
