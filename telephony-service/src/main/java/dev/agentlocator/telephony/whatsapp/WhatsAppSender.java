package dev.agentlocator.telephony.whatsapp;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.agentlocator.platform.kit.phone.PhoneNumbers;
import dev.agentlocator.telephony.common.Phones;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One of a tenant's own WhatsApp senders (ADR 0019): a WhatsApp-enabled Twilio number, stored as
 * {@code whatsapp:+E164}, or a Twilio Messaging Service, stored as its SID ({@code MG…}). Messages
 * sent to it belong to this tenant only, and the tenant's messages go out from it.
 *
 * @param kind {@code phone} or {@code messaging_service}
 */
public record WhatsAppSender(
        UUID id, @JsonIgnore UUID tenantId, String address, String kind, String label, OffsetDateTime createdAt) {

    public static final String PHONE = "phone";
    public static final String MESSAGING_SERVICE = "messaging_service";

    private static final Pattern MESSAGING_SERVICE_SID = Pattern.compile("MG[0-9a-fA-F]{32}");

    /** The stored address of what an owner typed: a phone number (with or without {@code whatsapp:}) or an MG SID. */
    static Optional<String> address(String input) {
        return messagingService(input)
                .or(() -> PhoneNumbers.normalise(Phones.stripWhatsApp(input)).map(Phones::whatsApp));
    }

    /** The stored address of a Messaging Service SID; empty for anything else. */
    static Optional<String> messagingService(String sid) {
        if (sid == null || !MESSAGING_SERVICE_SID.matcher(sid.strip()).matches()) {
            return Optional.empty();
        }
        return Optional.of("MG" + sid.strip().substring(2).toLowerCase(Locale.ROOT));
    }

    static String kindOf(String address) {
        return address.startsWith("MG") ? MESSAGING_SERVICE : PHONE;
    }

    /** What our messages say they came from: the E.164 number, or the Messaging Service SID. */
    String device() {
        return PHONE.equals(kind) ? Phones.stripWhatsApp(address) : address;
    }
}
