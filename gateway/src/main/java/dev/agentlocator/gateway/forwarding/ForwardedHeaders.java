package dev.agentlocator.gateway.forwarding;

import dev.agentlocator.platform.security.ForwardedFor;
import dev.agentlocator.platform.security.TrustedProxies;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The {@code X-Forwarded-*} headers the services receive, in place of Spring Cloud Gateway's (which
 * dropped every hop that was not itself a private address, so the services saw every client as the
 * gateway). {@code X-Forwarded-For} gets the address of the peer this gateway accepted the
 * connection from, appended to the hops received only when that peer is a trusted proxy; from
 * anyone else the received hops are dropped, as are their {@code X-Forwarded-Host/Proto/Port/Prefix},
 * which then describe this gateway's own view of the request. With no proxy configured the gateway
 * is the edge and believes no header at all.
 *
 * <p>Spring Cloud Gateway removes every {@code X-Forwarded-*} and {@code Forwarded} header first
 * (its remove filters run at order 0 when no {@code trusted-proxies} is set); this filter runs
 * after them and reads what the client sent from the original request.
 */
@Component
class ForwardedHeaders implements HttpHeadersFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ForwardedHeaders.class);

    static final String HOST = "X-Forwarded-Host";
    static final String PROTO = "X-Forwarded-Proto";
    static final String PORT = "X-Forwarded-Port";
    static final String PREFIX = "X-Forwarded-Prefix";

    private final TrustedProxies trusted;

    ForwardedHeaders(ForwardedProperties properties) {
        this.trusted = properties.proxies();
        log.info("X-Forwarded-* believed from: {}", trusted);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        InetSocketAddress peer = request.getRemoteAddress();
        HttpHeaders updated = new HttpHeaders();
        input.headerSet().forEach(entry -> {
            if (!isForwardedHeader(entry.getKey())) {
                updated.addAll(entry.getKey(), entry.getValue());
            }
        });
        if (peer == null || peer.getAddress() == null) {
            return updated; // not a network connection (never in production): nothing to vouch for
        }
        HttpHeaders received = request.getHeaders();
        updated.set(
                ForwardedFor.HEADER,
                ForwardedFor.append(ForwardedFor.hops(received.get(ForwardedFor.HEADER)), peer.getAddress(), trusted));
        boolean fromTrustedProxy = trusted.isTrusted(peer.getAddress());
        if (fromTrustedProxy && (received.containsHeader(HOST) || received.containsHeader(PROTO))) {
            for (String name : List.of(HOST, PROTO, PORT, PREFIX)) {
                List<String> values = received.get(name);
                if (values != null) {
                    updated.put(name, values);
                }
            }
        } else {
            URI uri = request.getURI();
            String scheme = uri.getScheme();
            int port = uri.getPort() < 0 ? defaultPort(scheme) : uri.getPort();
            updated.set(PROTO, scheme);
            updated.set(HOST, hostHeader(received, uri));
            updated.set(PORT, Integer.toString(port));
        }
        return updated;
    }

    private static boolean isForwardedHeader(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.startsWith("x-forwarded-") || lower.equals("forwarded");
    }

    /** What the client asked for, as the Host header names it (host, and port when not the default). */
    private static String hostHeader(HttpHeaders headers, URI uri) {
        String host = headers.getFirst(HttpHeaders.HOST);
        if (host != null && !host.isBlank()) {
            return host.strip();
        }
        return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }

    private static int defaultPort(String scheme) {
        return "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }
}
