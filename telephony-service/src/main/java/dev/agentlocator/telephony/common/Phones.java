package dev.agentlocator.telephony.common;

/**
 * Twilio's WhatsApp addresses ({@code whatsapp:+972…}) around a phone number; the number itself follows
 * the suite's one rule, {@link dev.agentlocator.platform.kit.phone.PhoneNumbers}.
 */
public final class Phones {

    private static final String WHATSAPP = "whatsapp:";

    /** {@code whatsapp:+972…} → {@code +972…}; anything else unchanged. */
    public static String stripWhatsApp(String address) {
        return address != null && address.regionMatches(true, 0, WHATSAPP, 0, WHATSAPP.length())
                ? address.substring(WHATSAPP.length())
                : address;
    }

    public static String whatsApp(String e164) {
        return WHATSAPP + e164;
    }

    private Phones() {}
}
