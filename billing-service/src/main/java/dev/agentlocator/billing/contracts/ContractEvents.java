package dev.agentlocator.billing.contracts;

import dev.agentlocator.platform.events.ContractEvent;
import dev.agentlocator.platform.events.EventEnvelope;
import dev.agentlocator.platform.kit.logging.Correlation;
import dev.agentlocator.platform.kit.outbox.Outbox;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Writes a contract's {@link ContractEvent}s, inside the caller's transaction. */
@Component
class ContractEvents {

    private final Outbox outbox;

    ContractEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    Contract emit(UUID tenantId, ContractEvent type, Contract c) {
        return emit(tenantId, type, c, false);
    }

    /** {@code linkWithdrawn}: an edit took back a link sent for signature. */
    Contract emit(UUID tenantId, ContractEvent type, Contract c, boolean linkWithdrawn) {
        outbox.append(EventEnvelope.of(
                type,
                tenantId,
                c.customerId(),
                Correlation.currentId(),
                new ContractEvent.Payload(
                        c.id().toString(),
                        c.title(),
                        c.status(),
                        c.totalAgorot(),
                        c.currency(),
                        c.customerName(),
                        linkWithdrawn ? Boolean.TRUE : null,
                        c.invoiceId() == null ? null : c.invoiceId().toString())));
        return c;
    }
}
