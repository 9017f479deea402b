package dev.agentlocator.telephony.whatsapp;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One person's conversation with a tenant: the 24-hour window (from the last inbound message),
 * unread count, assignment and opt-out. The window is WhatsApp's: inside it free text and media,
 * outside it only approved templates.
 */
public record Conversation(
        String peerPhone,
        UUID customerId,
        String customerName,
        OffsetDateTime lastInboundAt,
        OffsetDateTime lastMessageAt,
        String lastMessageText,
        String lastMessageDirection,
        int unreadCount,
        UUID assignedTo,
        boolean optedOut,
        OffsetDateTime optedOutAt,
        boolean windowOpen,
        OffsetDateTime windowClosesAt) {}
