package dev.agentlocator.crm.customers;

import java.math.BigDecimal;
import java.util.List;
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
        String dealType) {}
