package dev.agentlocator.crm.customers;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A customer of a tenant, as the API shows it; the phone is E.164.
 *
 * @param fieldSources who set each of {@link #LEAD_FIELDS}: {@code agent}, or {@code call:<callId>}
 */
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
        String timing,
        String leadSummary,
        Map<String, String> fieldSources,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    /** The fields a call may fill (ADR 0027), by their API names. */
    public static final List<String> LEAD_FIELDS =
            List.of("name", "dealType", "area", "rooms", "budgetAgorot", "timing", "leadSummary");

    /** What {@link #fieldSources} says of a field an agent typed or imported. */
    public static final String AGENT = "agent";
}
