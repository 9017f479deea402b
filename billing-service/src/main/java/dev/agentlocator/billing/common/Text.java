package dev.agentlocator.billing.common;

/** Small string helpers shared by the features. */
public final class Text {

    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private Text() {}
}
