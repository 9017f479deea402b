package dev.agentlocator.platform.events;

/**
 * One event type of the suite's contract: its dotted name and schema version as they travel in the
 * {@link EventEnvelope}, the topic it is published on and the record its payload is. Every type is a
 * constant of one enum per aggregate ({@link CustomerEvent}, {@link TaskEvent}...), so the types a
 * consumer may meet are listed in one place ({@link EventTypes#ALL}) and a {@code switch} over them
 * is checked by the compiler.
 *
 * <p>How a payload may change is docs/adr/0020-typed-event-contracts.md: fields are added, never
 * renamed or retyped; a breaking change is a new version, i.e. a new constant with its own record.
 *
 * @param <P> the payload record
 */
public interface EventType<P extends Record> {

    /** The dotted name on the wire, e.g. {@code task.due}. */
    String type();

    /** The payload's schema version; a reader of version 1 skips version 2 as an unknown type. */
    int version();

    /** The topic every event of this type is published on. */
    String topic();

    Class<P> payloadClass();

    /**
     * The Kafka record key: the customer when there is one (so that one customer's events keep their
     * order), otherwise the tenant. A compacted topic keyed by its own entity overrides this.
     */
    default String keyOf(EventEnvelope event) {
        return event.partitionKey();
    }

    /** Whether {@code event} is of this type and version. */
    default boolean isTypeOf(EventEnvelope event) {
        return type().equals(event.type()) && version() == event.version();
    }

    /**
     * Reads the payload of {@code event}, tolerating fields the record does not know; a field that
     * is missing or cannot be read as its component's type is {@code null}.
     *
     * @throws IllegalArgumentException when {@code event} is of another type or version
     */
    default P payloadOf(EventEnvelope event) {
        if (!isTypeOf(event)) {
            throw new IllegalArgumentException(
                    "Event " + event.id() + " is " + event.type() + " v" + event.version() + ", not " + this);
        }
        return Payloads.read(event.payload(), payloadClass());
    }
}
