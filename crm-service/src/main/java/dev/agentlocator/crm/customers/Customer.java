package dev.agentlocator.crm.customers;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A customer of a tenant, as the API shows it; the phone is E.164. */
public record Customer(
        UUID id,
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
        String dealType,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
