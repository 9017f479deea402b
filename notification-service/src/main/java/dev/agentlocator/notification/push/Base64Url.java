package dev.agentlocator.notification.push;

import java.util.Base64;

/** Browsers hand out base64url keys with or without padding; accept both. */
final class Base64Url {

    static byte[] decode(String text) {
        String trimmed = text.strip();
        while (trimmed.endsWith("=")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return Base64.getUrlDecoder().decode(trimmed);
    }

    private Base64Url() {}
}
