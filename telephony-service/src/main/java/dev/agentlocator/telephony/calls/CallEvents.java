package dev.agentlocator.telephony.calls;

import dev.agentlocator.platform.events.CallEvent;
import dev.agentlocator.platform.events.CallLeadEvent;
import dev.agentlocator.platform.events.EventEnvelope;
import dev.agentlocator.platform.kit.logging.Correlation;
import dev.agentlocator.platform.kit.outbox.Outbox;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Writes {@link CallEvent}s as timeline-service reads them (ADR 0005): {@code RECEIVED} at the
 * start, {@code STATUS_CHANGED} between, exactly one {@code COMPLETED} with the final status.
 */
@Component
class CallEvents {

    private final Outbox outbox;

    CallEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    void append(CallEvent type, CallLog call, String transcript, Map<String, Object> details) {
        append(type, call, transcript, details, OffsetDateTime.now(), false);
    }

    /**
     * {@code occurredAt} other than now: a late link re-tells a call at the time it happened.
     *
     * @param linkedLater the call is re-told because it was linked to its customer after the fact
     */
    void append(
            CallEvent type,
            CallLog call,
            String transcript,
            Map<String, Object> details,
            OffsetDateTime occurredAt,
            boolean linkedLater) {
        String correlation = Correlation.currentId();
        outbox.append(EventEnvelope.of(
                type,
                call.tenantId(),
                call.customerId(),
                occurredAt,
                correlation != null ? correlation : UUID.randomUUID().toString(),
                new CallEvent.Payload(
                        call.id().toString(),
                        call.callSid(),
                        call.direction(),
                        call.from(),
                        call.to(),
                        call.status(),
                        call.durationSeconds(),
                        call.answeredBy(),
                        call.outcome(),
                        transcript != null && !transcript.isBlank() ? transcript : null,
                        details != null && !details.isEmpty() ? details : null,
                        call.sandbox() ? true : null,
                        linkedLater ? true : null)));
    }

    /**
     * The lead as known now; {@code ended} on the one sent when the call ends, whose call-back
     * promise is the one tasks-service acts on.
     */
    void appendLead(CallLog call, CallLead lead, int turns, boolean ended, boolean callbackPromised) {
        Map<String, Integer> sources = new LinkedHashMap<>();
        lead.sources().forEach((field, turn) -> sources.put(field.equals("budget") ? "budgetAgorot" : field, turn));
        String correlation = Correlation.currentId();
        outbox.append(EventEnvelope.of(
                CallLeadEvent.QUALIFIED,
                call.tenantId(),
                call.customerId(),
                OffsetDateTime.now(),
                correlation != null ? correlation : UUID.randomUUID().toString(),
                new CallLeadEvent.Payload(
                        call.id().toString(),
                        call.callSid(),
                        call.from(),
                        lead.text("name"),
                        lead.text("intent"),
                        lead.text("area"),
                        lead.rooms(),
                        lead.budgetAgorot(),
                        lead.text("timing"),
                        lead.text("summary"),
                        callbackPromised ? true : null,
                        sources.isEmpty() ? null : sources,
                        ended ? true : null,
                        turns)));
    }
}
