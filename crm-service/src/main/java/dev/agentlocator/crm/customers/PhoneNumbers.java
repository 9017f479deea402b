package dev.agentlocator.crm.customers;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Phone numbers to E.164. Israeli input is the common case: {@code 050-1234567}, {@code 02-6234567},
 * {@code 972501234567}, {@code +972 50 123 4567} all become {@code +972…}; other countries are
 * accepted in international form ({@code +…} or {@code 00…}).
 */
public final class PhoneNumbers {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-().\\u200e\\u200f]");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    /** Israeli significant numbers: mobile and 07x are 9 digits, landlines 8 (area 2,3,4,8,9). */
    private static final Pattern ISRAELI_NATIONAL = Pattern.compile("(5\\d{8}|7\\d{8}|[23489]\\d{7})");

    public static Optional<String> normalise(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String compact = SEPARATORS.matcher(input.trim()).replaceAll("");
        if (compact.startsWith("+")) {
            return international(compact.substring(1));
        }
        if (!DIGITS.matcher(compact).matches()) {
            return Optional.empty();
        }
        if (compact.startsWith("00")) {
            return international(compact.substring(2));
        }
        if (compact.startsWith("972")) {
            return israeli(compact.substring(3));
        }
        if (compact.startsWith("0")) {
            return israeli(compact.substring(1));
        }
        return Optional.empty();
    }

    /** The number as an Israeli caller writes it ({@code 050-1234567}); others unchanged. */
    public static String display(String e164) {
        if (e164 == null || !e164.startsWith("+972")) {
            return e164;
        }
        String national = "0" + e164.substring(4);
        int split = national.length() == 10 ? 3 : 2;
        return national.substring(0, split) + "-" + national.substring(split);
    }

    private static Optional<String> international(String digits) {
        if (!DIGITS.matcher(digits).matches()) {
            return Optional.empty();
        }
        if (digits.startsWith("972")) {
            return israeli(digits.substring(3));
        }
        if (digits.startsWith("0") || digits.length() < 7 || digits.length() > 15) {
            return Optional.empty();
        }
        return Optional.of("+" + digits);
    }

    private static Optional<String> israeli(String national) {
        if (national.startsWith("0")) {
            national = national.substring(1); // "+972 (0)50…" is a common way to write it
        }
        return ISRAELI_NATIONAL.matcher(national).matches() ? Optional.of("+972" + national) : Optional.empty();
    }

    private PhoneNumbers() {}
}
