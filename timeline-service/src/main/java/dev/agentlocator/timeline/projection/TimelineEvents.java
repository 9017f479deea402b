package dev.agentlocator.timeline.projection;

import dev.agentlocator.platform.events.CallEvent;
import dev.agentlocator.platform.events.CallLeadEvent;
import dev.agentlocator.platform.events.ContractEvent;
import dev.agentlocator.platform.events.CustomerEvent;
import dev.agentlocator.platform.events.EventEnvelope;
import dev.agentlocator.platform.events.EventType;
import dev.agentlocator.platform.events.EventTypes;
import dev.agentlocator.platform.events.InvoiceEvent;
import dev.agentlocator.platform.events.TaskEvent;
import dev.agentlocator.platform.events.WhatsAppEvent;
import java.util.Optional;

/**
 * The event types the timeline understands, and the kind each becomes: every type of the six
 * domain topics (docs/adr/0005-timeline-events.md). Any other type, or another version of one of
 * these, is skipped (logged, never dead-lettered), so producers may add types before the timeline
 * knows them.
 */
public final class TimelineEvents {

    /** The timeline's type of {@code event}; empty for one it does not know. */
    public static Optional<EventType<?>> typeOf(EventEnvelope event) {
        return EventTypes.of(event).filter(type -> kindOf(type).isPresent());
    }

    public static boolean isKnown(EventEnvelope event) {
        return typeOf(event).isPresent();
    }

    /**
     * The signer's own acts on the signing page are "signature" entries; the office's acts on the
     * document (create, send, expiry) are "contract" entries.
     */
    public static Optional<TimelineKind> kindOf(EventType<?> type) {
        if (type instanceof CustomerEvent) {
            return Optional.of(TimelineKind.CUSTOMER);
        }
        if (type instanceof CallEvent || type instanceof CallLeadEvent) {
            return Optional.of(TimelineKind.CALL);
        }
        if (type instanceof WhatsAppEvent) {
            return Optional.of(TimelineKind.WHATSAPP);
        }
        if (type instanceof TaskEvent) {
            return Optional.of(TimelineKind.TASK);
        }
        if (type instanceof ContractEvent contract) {
            return Optional.of(
                    switch (contract) {
                        case VIEWED, SIGNED, DECLINED -> TimelineKind.SIGNATURE;
                        case CREATED, SENT, EXPIRED, UPDATED -> TimelineKind.CONTRACT;
                    });
        }
        if (type instanceof InvoiceEvent) {
            return Optional.of(TimelineKind.INVOICE);
        }
        return Optional.empty();
    }

    private TimelineEvents() {}
}
