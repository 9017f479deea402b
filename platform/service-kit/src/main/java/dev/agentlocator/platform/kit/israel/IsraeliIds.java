package dev.agentlocator.platform.kit.israel;

/**
 * The one home of the Israeli identification-number check digit (ת.ז., ח.פ., ע.מ.): nine digits whose
 * weighted digit sum (weights 1,2,1,2,…, two-digit products reduced by 9) is a multiple of 10. A VAT
 * dealer number is an identity or company number, so the same rule validates both.
 */
public final class IsraeliIds {

    /** Digits only: the spaces and hyphens people type between groups are dropped. */
    public static String normalize(String raw) {
        return raw == null ? null : raw.replaceAll("[\\s-]", "");
    }

    /** True for exactly nine digits (after {@link #normalize}) whose check digit adds up. */
    public static boolean isValid(String raw) {
        String digits = normalize(raw);
        if (digits == null || !digits.matches("\\d{9}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int product = (digits.charAt(i) - '0') * (i % 2 == 0 ? 1 : 2);
            sum += product > 9 ? product - 9 : product;
        }
        return sum % 10 == 0;
    }

    private IsraeliIds() {}
}
