package dev.agentlocator.billing.invoices;

import dev.agentlocator.billing.settings.AllocationThresholds;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * When a document needs an allocation number: a tax invoice to a business (the customer has a VAT
 * dealer number) whose subtotal before VAT is above the threshold in force on the issue date. Exactly
 * the threshold is not above it.
 */
@Component
class AllocationRules {

    private final AllocationThresholds thresholds;

    AllocationRules(AllocationThresholds thresholds) {
        this.thresholds = thresholds;
    }

    boolean requiresAllocation(UUID tenantId, String type, String customerVatId, long subtotalAgorot, LocalDate date) {
        if (!InvoiceTypes.TAX_INVOICES.contains(type) || customerVatId == null || customerVatId.isBlank()) {
            return false;
        }
        return thresholds.on(tenantId, date).map(t -> subtotalAgorot > t).orElse(false);
    }
}
