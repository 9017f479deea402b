package dev.agentlocator.gateway.security;

import java.util.List;

/**
 * The browser hardening headers the gateway adds to every response that does not carry its own.
 * The policy follows what the web client loads: its own scripts, styles and fonts (the typeface is
 * bundled), API calls and the STOMP socket on the same origin, the service worker, signature
 * images as {@code data:} URLs, PDFs shown from {@code blob:} URLs (such a tab is a {@code blob:}
 * document that inherits this policy, so {@code connect-src} lets it read its own bytes), and call
 * recordings played from Twilio. Chromium's PDF viewer works with {@code object-src 'none'}. React
 * sets inline styles through the DOM, which a policy does not restrict, so no {@code
 * 'unsafe-inline'} is needed anywhere.
 */
final class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = String.join(
            "; ",
            List.of(
                    "default-src 'self'",
                    "script-src 'self'",
                    "style-src 'self'",
                    "img-src 'self' data: blob:",
                    "font-src 'self'",
                    "connect-src 'self' blob:",
                    "media-src 'self' https://api.twilio.com",
                    "worker-src 'self'",
                    "manifest-src 'self'",
                    "object-src 'none'",
                    "base-uri 'self'",
                    "form-action 'self'",
                    "frame-ancestors 'none'"));

    private SecurityHeaders() {}
}
