package dev.agentlocator.platform.kit.text;

/** Small string rules every service applies the same way. */
public final class Text {

    /**
     * An optional value as stored: surrounding whitespace dropped, and nothing at all for a value
     * that is only whitespace (an empty form field or environment variable means "not given").
     */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private Text() {}
}
