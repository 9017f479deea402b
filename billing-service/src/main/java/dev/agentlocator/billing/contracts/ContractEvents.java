package dev.agentlocator.billing.contracts;

import dev.agentlocator.platform.events.EventEnvelope;
import dev.agentlocator.platform.events.Topics;
import dev.agentlocator.platform.kit.logging.Correlation;
import dev.agentlocator.platform.kit.outbox.Outbox;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Writes a contract's events on {@code billing.contract.v1}, inside the caller's transaction. */
@Component
class ContractEvents {

    private final Outbox outbox;

    ContractEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    Contract emit(UUID tenantId, String type, Contract c) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("contractId", c.id().toString());
        payload.put("title", c.title());
        payload.put("status", c.status());
        payload.put("totalAgorot", c.totalAgorot());
        payload.put("currency", c.currency());
        payload.put("customerName", c.customerName());
        outbox.append(
                Topics.BILLING_CONTRACT,
                EventEnvelope.create(type, tenantId, c.customerId(), Correlation.currentId(), payload));
        return c;
    }
}
