package dev.agentlocator.notification.push;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The push endpoints notification-service connects to: those of the push services on the
 * allow-list ({@code agentlocator.push.allowed-endpoints}), and only while their host resolves to
 * public addresses. A browser hands us the endpoint, so without this anyone with a login could make
 * the service send requests into our own network.
 *
 * <p>An allow-list entry is an origin, {@code https://fcm.googleapis.com}; {@code *.} in front of
 * the host admits its subdomains. An entry naming an IP address is trusted as it stands (the
 * operator chose that exact address: a relay of their own, or a test's stand-in); an endpoint on a
 * host name must resolve only to public addresses, checked when the browser subscribes and again
 * right before every send, so a name that is later pointed at an internal address (DNS rebinding)
 * is refused then. The JVM caches a lookup (30 s by default), so the connection that follows the
 * check goes to the address that was checked.
 */
@Component
class PushEndpoints {

    private final List<Origin> allowed;

    PushEndpoints(PushProperties properties) {
        this.allowed = properties.allowedEndpoints().stream()
                .map(String::strip)
                .filter(entry -> !entry.isEmpty())
                .map(Origin::parse)
                .toList();
    }

    /** Why a browser may not subscribe with {@code endpoint}; empty when it may. */
    Optional<String> refusal(String endpoint) {
        Optional<URI> uri = parse(endpoint);
        Optional<Origin> origin = uri.flatMap(this::allowedOrigin);
        if (origin.isEmpty()) {
            return Optional.of("כתובת המנוי חייבת להיות כתובת https של שירות התראות מוכר");
        }
        return origin.get().literal() || resolvesOnlyToPublic(uri.get().getHost(), true)
                ? Optional.empty()
                : Optional.of("כתובת המנוי מפנה לרשת פנימית");
    }

    /** Checks a stored endpoint again just before connecting: the allow-list and today's DNS answer. */
    void checkBeforeSend(URI endpoint) throws RefusedEndpointException {
        Origin origin = parse(endpoint.toString())
                .flatMap(this::allowedOrigin)
                .orElseThrow(() -> new RefusedEndpointException("not on the push allow-list"));
        if (!origin.literal() && !resolvesOnlyToPublic(endpoint.getHost(), false)) {
            throw new RefusedEndpointException("its host does not resolve to public addresses only");
        }
    }

    private Optional<Origin> allowedOrigin(URI uri) {
        return allowed.stream().filter(origin -> origin.admits(uri)).findFirst();
    }

    /**
     * At subscribe time a name that does not resolve yet is let through (the check before each send
     * decides); before a send it is refused.
     */
    private static boolean resolvesOnlyToPublic(String host, boolean unknownIsFine) {
        try {
            return Arrays.stream(InetAddress.getAllByName(host)).allMatch(PublicAddresses::isPublic);
        } catch (UnknownHostException e) {
            return unknownIsFine;
        }
    }

    private static Optional<URI> parse(String endpoint) {
        try {
            URI uri = new URI(endpoint);
            return uri.getHost() == null || uri.getRawUserInfo() != null ? Optional.empty() : Optional.of(uri);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** Thrown when a stored subscription's endpoint may no longer be connected to. */
    static final class RefusedEndpointException extends Exception {
        RefusedEndpointException(String reason) {
            super(reason, null, false, false);
        }
    }

    private record Origin(String scheme, String host, boolean wildcard, int port, boolean literal) {

        static Origin parse(String entry) {
            URI uri = URI.create(entry.replace("://*.", "://wildcard."));
            if (uri.getScheme() == null
                    || uri.getHost() == null
                    || !(uri.getPath() == null || uri.getPath().isEmpty() || "/".equals(uri.getPath()))) {
                throw new IllegalArgumentException(
                        "A push allow-list entry is an origin such as https://fcm.googleapis.com: " + entry);
            }
            boolean wildcard = entry.contains("://*.");
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            return new Origin(
                    scheme,
                    wildcard ? host.substring("wildcard".length()) : host,
                    wildcard,
                    uri.getPort() < 0 ? defaultPort(scheme) : uri.getPort(),
                    !wildcard && isLiteral(host));
        }

        boolean admits(URI uri) {
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String candidate = uri.getHost().toLowerCase(Locale.ROOT);
            int candidatePort = uri.getPort() < 0 ? defaultPort(scheme) : uri.getPort();
            boolean hostMatches =
                    wildcard ? candidate.endsWith(host) && candidate.length() > host.length() : candidate.equals(host);
            return scheme.equals(this.scheme) && hostMatches && candidatePort == port;
        }

        private static int defaultPort(String scheme) {
            return "https".equals(scheme) ? 443 : "http".equals(scheme) ? 80 : -1;
        }

        private static boolean isLiteral(String host) {
            return host.startsWith("[") || host.matches("[0-9.]+");
        }
    }
}
