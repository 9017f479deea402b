package dev.agentlocator.platform.events;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Every event type of the suite, and the lookup from an envelope to its type. */
public final class EventTypes {

    /** Every type, grouped by topic in the order of {@link Topics#DOMAIN_TOPICS}, then crm's own. */
    public static final List<EventType<?>> ALL = Stream.of(
                    CustomerEvent.values(),
                    CallEvent.values(),
                    CallLeadEvent.values(),
                    WhatsAppEvent.values(),
                    TaskEvent.values(),
                    ContractEvent.values(),
                    InvoiceEvent.values(),
                    UserEvent.values(),
                    TenantEvent.values())
            .flatMap(Arrays::stream)
            .<EventType<?>>map(type -> type)
            .toList();

    /** The type of {@code event}; empty for a type or version this build does not know. */
    public static Optional<EventType<?>> of(EventEnvelope event) {
        return find(ALL, event);
    }

    /**
     * The one of {@code types} that {@code event} is; empty when it is none of them (a type added
     * after this build, or another version), which a consumer skips.
     */
    public static <T extends EventType<?>> Optional<T> find(List<T> types, EventEnvelope event) {
        return types.stream().filter(type -> type.isTypeOf(event)).findFirst();
    }

    private EventTypes() {}
}
