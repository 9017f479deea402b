package dev.agentlocator.crm.customers;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The writable fields of a customer after validation and normalisation. */
record CustomerFields(
        String name,
        String phone,
        String email,
        String vatId,
        String status,
        String source,
        List<String> tags,
        String notes,
        UUID ownerId,
        String area,
        BigDecimal rooms,
        Long budgetAgorot,
        String dealType) {

    static final Set<String> STATUSES = Set.of("new", "contacted", "qualified", "negotiation", "won", "lost");
    static final Set<String> SOURCES = Set.of("call", "whatsapp", "manual", "import");
    static final Set<String> DEAL_TYPES = Set.of("buy", "sell", "rent", "rent_out");
}
