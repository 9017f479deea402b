package dev.agentlocator.telephony.whatsapp;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One WhatsApp message of a conversation. {@code peerPhone} is the customer's side, {@code device}
 * ours; {@code sandbox} messages were stored but never sent; {@code contentSid} is the
 * template an outbound message was (Twilio's Content API), its text the template as filled.
 */
public record WhatsAppMessage(
        UUID id,
        @JsonIgnore UUID tenantId,
        UUID customerId,
        String customerName,
        String messageSid,
        String direction,
        String peerPhone,
        String device,
        String text,
        int mediaCount,
        String status,
        String errorCode,
        boolean sandbox,
        UUID sentBy,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        String contentSid) {

    public static final String INBOUND = "inbound";
    public static final String OUTBOUND = "outbound";

    /** Twilio's error as a Hebrew sentence the agent can act on; {@code null} when nothing failed. */
    @JsonProperty("errorMessage")
    public String errorMessage() {
        return TwilioErrors.hebrew(errorCode);
    }
}
