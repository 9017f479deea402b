package dev.agentlocator.telephony.common;

/** Helpers for configuration records. */
public final class Config {

    public static String withoutTrailingSlash(String url) {
        if (url == null) {
            return null;
        }
        String u = url.strip();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }

    public static void requirePositive(String property, int value) {
        if (value < 1) {
            throw new IllegalStateException(property + " must be positive");
        }
    }

    private Config() {}
}
