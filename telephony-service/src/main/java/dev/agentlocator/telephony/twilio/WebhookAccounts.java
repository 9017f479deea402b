package dev.agentlocator.telephony.twilio;

import java.util.Optional;
import java.util.UUID;

/**
 * Which Twilio account signed a webhook (ADR 0032): a number a tenant connected through its own
 * Twilio account is signed with that account's auth token, every other one with the platform's
 * ({@code TWILIO_TOKEN}). Implemented where the numbers live; the signature filter only asks.
 */
public interface WebhookAccounts {

    /** A tenant's own account: the token that signs its numbers' webhooks. */
    record OwnAccount(UUID tenantId, String accountSid, String authToken) {}

    /** The own account that holds the dialled number {@code to} (E.164), if a tenant connected it so. */
    Optional<OwnAccount> ownAccountOf(String to);

    /**
     * Whether {@code callSid} or {@code messageSid} (either may be null) belongs to a tenant other than
     * {@code tenantId}: a tenant's token must not vouch for another tenant's call or message.
     */
    boolean belongsToAnotherTenant(String callSid, String messageSid, UUID tenantId);

    /** Remembers a refused signature for the dialled number's health. */
    void signatureRefused(String to);
}
