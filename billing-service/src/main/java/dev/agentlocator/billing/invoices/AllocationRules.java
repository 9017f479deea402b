package dev.agentlocator.billing.invoices;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When a document needs an allocation number: a tax invoice to a business (the customer has a VAT
 * dealer number) whose subtotal before VAT is above the threshold in force on the issue date.
 */
@Component
class AllocationRules {

    private final JdbcClient jdbc;

    AllocationRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean requiresAllocation(UUID tenantId, String type, String customerVatId, long subtotalAgorot, LocalDate date) {
        if (!InvoiceTypes.TAX_INVOICES.contains(type) || customerVatId == null || customerVatId.isBlank()) {
            return false;
        }
        return threshold(tenantId, date).map(t -> subtotalAgorot > t).orElse(false);
    }

    /** The tenant's own dated threshold when it has one in force, otherwise the law's schedule. */
    Optional<Long> threshold(UUID tenantId, LocalDate date) {
        return jdbc.sql("""
                        select threshold_agorot from allocation_threshold
                        where (tenant_id = ? or tenant_id is null) and effective_from <= ?
                        order by (tenant_id is null), effective_from desc
                        limit 1
                        """).param(tenantId).param(date).query(Long.class).optional();
    }
}
