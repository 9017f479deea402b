package dev.agentlocator.telephony.whatsapp;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One WhatsApp message of a conversation. {@code peerPhone} is the customer's side, {@code device}
 * ours; {@code sandbox} messages were stored but never sent.
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
        OffsetDateTime updatedAt) {

    public static final String INBOUND = "inbound";
    public static final String OUTBOUND = "outbound";
}
