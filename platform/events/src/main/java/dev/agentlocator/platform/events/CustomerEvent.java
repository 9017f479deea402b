package dev.agentlocator.platform.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * crm-service's customer events on {@code crm.customer.v1}, keyed by customer. Each carries the
 * customer's current state (state, not diff), so a local copy keeps the latest.
 */
public enum CustomerEvent implements EventType<CustomerEvent.Payload> {
    CREATED("customer.created", 1),
    UPDATED("customer.updated", 1),
    DELETED("customer.deleted", 1);

    private final String type;
    private final int version;

    CustomerEvent(String type, int version) {
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
        return Topics.CRM_CUSTOMER;
    }

    @Override
    public Class<Payload> payloadClass() {
        return Payload.class;
    }

    /** The type of {@code event} when it is one of these; empty otherwise. */
    public static Optional<CustomerEvent> of(EventEnvelope event) {
        return EventTypes.find(List.of(values()), event);
    }

    /**
     * @param phone E.164
     * @param status lead, active...
     * @param source call, whatsapp, manual, import
     * @param vatId absent for a private customer (not a VAT dealer); billing allocates by it
     * @param ownerId the user who owns the customer
     * @param filledFromCall on an update made from a call's lead (ADR 0027): each field the call
     *     filled, with its new value as text; absent on every other event
     * @param filledByCall the call ({@code callId}) that filled them
     */
    public record Payload(
            String name,
            String phone,
            String status,
            String source,
            String email,
            String vatId,
            String ownerId,
            Map<String, String> filledFromCall,
            String filledByCall) {}
}
