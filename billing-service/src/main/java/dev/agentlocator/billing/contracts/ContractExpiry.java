package dev.agentlocator.billing.contracts;

import dev.agentlocator.platform.events.ContractEvent;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Marks contracts whose signing link ran out as {@code expired} and tells the timeline. Locked rows
 * are skipped, so any number of instances may sweep at once.
 */
@Component
class ContractExpiry {

    private final ContractRepository contracts;
    private final ContractEvents events;

    ContractExpiry(ContractRepository contracts, ContractEvents events) {
        this.contracts = contracts;
        this.events = events;
    }

    @Scheduled(
            fixedDelayString = "${agentlocator.billing.contracts.expiry-sweep:PT5M}",
            initialDelayString = "${agentlocator.billing.contracts.expiry-sweep:PT5M}")
    @Transactional
    public int expireOverdue() {
        var overdue = contracts.lockExpired(500);
        for (var signing : overdue) {
            contracts.markExpired(signing.tenantId(), signing.contract().id());
            events.emit(
                    signing.tenantId(),
                    ContractEvent.EXPIRED,
                    contracts.find(signing.tenantId(), signing.contract().id()).orElseThrow());
        }
        return overdue.size();
    }
}
