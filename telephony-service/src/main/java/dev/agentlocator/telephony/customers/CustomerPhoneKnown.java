package dev.agentlocator.telephony.customers;

import java.util.UUID;

/**
 * Published (synchronously, inside the consumer's transaction) when crm-service tells us a live
 * customer has this phone: calls and messages stored with the phone only get linked to it.
 */
public record CustomerPhoneKnown(UUID tenantId, UUID customerId, String phone) {}
