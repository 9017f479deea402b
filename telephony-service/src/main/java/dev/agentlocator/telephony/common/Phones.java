package dev.agentlocator.telephony.common;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Phone numbers to E.164, as crm-service stores them: Israeli national input ({@code 050-1234567})
 * becomes {@code +972…}; international input ({@code +…}, {@code 00…}) is kept. Twilio already
 * sends E.164 (and {@code whatsapp:+…} on WhatsApp), which passes through unchanged.
 */
public final class Phones {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-().\\u200e\\u200f]");
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");
    private static final String WHATSAPP = "whatsapp:";

    public static Optional<String> normalise(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String compact = SEPARATORS.matcher(stripWhatsApp(input.trim())).replaceAll("");
        if (compact.startsWith("00")) {
            compact = "+" + compact.substring(2);
        } else if (compact.startsWith("972")) {
            compact = "+" + compact;
        } else if (compact.startsWith("0")) {
            compact = "+972" + compact.substring(1);
        }
        if (compact.startsWith("+9720")) {
            compact = "+972" + compact.substring(5);
        }
        return E164.matcher(compact).matches() ? Optional.of(compact) : Optional.empty();
    }

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
