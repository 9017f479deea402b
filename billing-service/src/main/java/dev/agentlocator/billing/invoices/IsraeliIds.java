package dev.agentlocator.billing.invoices;

/** The check digit of Israeli identity and company numbers (ת.ז., ח.פ., ע.מ.): 9 digits, Luhn-like. */
final class IsraeliIds {

    static boolean isValid(String raw) {
        if (raw == null) {
            return false;
        }
        String digits = raw.replaceAll("[\\s-]", "");
        if (!digits.matches("\\d{5,9}")) {
            return false;
        }
        String padded = "0".repeat(9 - digits.length()) + digits;
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int product = (padded.charAt(i) - '0') * (i % 2 == 0 ? 1 : 2);
            sum += product > 9 ? product - 9 : product;
        }
        return sum % 10 == 0;
    }

    private IsraeliIds() {}
}
