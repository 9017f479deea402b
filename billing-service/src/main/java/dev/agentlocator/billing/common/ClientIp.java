package dev.agentlocator.billing.common;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The caller's address: behind the gateway the socket peer is the gateway, so the first hop of
 * {@code X-Forwarded-For} (which the gateway sets) names the browser.
 */
public final class ClientIp {

    public static String of(HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank()) {
            String first = forwarded.split(",", 2)[0].trim();
            if (!first.isEmpty() && first.length() <= 64) {
                return first;
            }
        }
        return request.getRemoteAddr();
    }

    private ClientIp() {}
}
