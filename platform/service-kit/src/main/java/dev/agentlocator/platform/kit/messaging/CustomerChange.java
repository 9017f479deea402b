package dev.agentlocator.platform.kit.messaging;

import dev.agentlocator.platform.events.CustomerEvent;
import dev.agentlocator.platform.events.EventEnvelope;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * What a service's local copy of a customer needs from a {@code crm.customer.v1} event. Every
 * service that shows customer names keeps such a copy; this is the one reading of the event they
 * share, so they agree on which types count and what a malformed event is.
 *
 * @param phone E.164, or null
 * @param email null when absent
 * @param vatId null when absent: not a VAT dealer (a private customer)
 */
public record CustomerChange(
        UUID tenantId,
        UUID customerId,
        String name,
        String phone,
        String email,
        String vatId,
        boolean deleted,
        OffsetDateTime occurredAt) {

    /**
     * The change the event describes; empty for types a copy does not care about (tolerating those
     * added later). A customer event without the customer's id or name is poison.
     */
    public static Optional<CustomerChange> of(EventEnvelope event) {
        Optional<CustomerEvent> type = CustomerEvent.of(event);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        CustomerEvent.Payload payload = event.payload(type.get());
        String name = text(payload.name());
        if (event.customerId() == null || name == null) {
            throw new PoisonEventException("Customer event " + event.id() + " lacks the customer id or name");
        }
        return Optional.of(new CustomerChange(
                event.tenantId(),
                event.customerId(),
                name,
                text(payload.phone()),
                text(payload.email()),
                text(payload.vatId()),
                type.get() == CustomerEvent.DELETED,
                event.occurredAt()));
    }

    private static String text(String value) {
        return value != null && !value.isBlank() ? value.strip() : null;
    }
}
