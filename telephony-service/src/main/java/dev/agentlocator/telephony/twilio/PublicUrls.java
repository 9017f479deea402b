package dev.agentlocator.telephony.twilio;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/**
 * The public address Twilio uses to reach us. Twilio signs the exact URL it requested, and fetches
 * every URL we put in TwiML or give it as a callback, so both must be the outside address, not this
 * instance's own.
 *
 * <p>In production the origin is {@code TELEPHONY_PUBLIC_URL} and nothing else: the service refuses
 * to start without it (it is a required setting of {@code ProductionSecrets}), so no request header
 * can choose where Twilio is sent. In development it may be left unset and the origin is rebuilt from
 * the {@code X-Forwarded-*} headers the gateway passes on, because the local stack is reached at
 * whatever address the developer uses. The trade-off: anyone who can send a request there chooses
 * the host of the callback and TwiML URLs built for that request (a status callback or an audio URL
 * on their own host). It cannot forge a webhook: the signature still needs the auth token.
 */
@Component
public class PublicUrls {

    private final TwilioProperties properties;

    PublicUrls(TwilioProperties properties) {
        this.properties = properties;
    }

    /** The URL of this request as Twilio requested it (origin + path + query). */
    public String requestUrl(HttpServletRequest request) {
        String query = request.getQueryString();
        return origin(request) + request.getRequestURI() + (query == null ? "" : "?" + query);
    }

    /** An absolute URL for {@code path} on the public origin. */
    public String absolute(HttpServletRequest request, String path) {
        return origin(request) + path;
    }

    /**
     * {@code TELEPHONY_PUBLIC_URL} when set (always, in production); otherwise (development only) what
     * the gateway / proxy reported in X-Forwarded-Proto / -Host / -Port / -Prefix; otherwise the
     * request as it reached us.
     */
    public String origin(HttpServletRequest request) {
        if (properties.publicBaseUrl() != null) {
            return properties.publicBaseUrl();
        }
        String proto = first(request.getHeader("X-Forwarded-Proto"));
        String host = first(request.getHeader("X-Forwarded-Host"));
        String port = first(request.getHeader("X-Forwarded-Port"));
        String prefix = first(request.getHeader("X-Forwarded-Prefix"));
        String scheme = proto != null ? proto : request.getScheme();
        String authority;
        if (host != null) {
            authority = host;
            if (port != null && !host.contains(":") && !isDefault(scheme, port)) {
                authority = host + ":" + port;
            }
        } else {
            String hostHeader = request.getHeader("Host");
            authority = hostHeader != null ? hostHeader : request.getServerName() + ":" + request.getServerPort();
        }
        return scheme + "://" + authority + (prefix == null ? "" : stripSlash(prefix));
    }

    private static boolean isDefault(String scheme, String port) {
        return ("https".equalsIgnoreCase(scheme) && "443".equals(port))
                || ("http".equalsIgnoreCase(scheme) && "80".equals(port));
    }

    private static String first(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        int comma = header.indexOf(',');
        return (comma < 0 ? header : header.substring(0, comma)).strip();
    }

    private static String stripSlash(String prefix) {
        return prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    }
}
