package dev.agentlocator.platform.kit.web;

import dev.agentlocator.platform.security.ForwardedFor;
import dev.agentlocator.platform.security.TrustedProxies;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;

/**
 * The address of the client a request is from, for rate limits, login throttling and what a
 * signature records: the right-most address in {@code X-Forwarded-For} (which the gateway appends
 * to) that is not a trusted proxy, or the socket peer when the peer is not a trusted proxy itself
 * (see {@link ForwardedFor}). {@code getRemoteAddr()} stays the socket peer: usually the gateway.
 */
public class ClientAddress {

    private final TrustedProxies trusted;

    public ClientAddress(ForwardedProperties properties) {
        this.trusted = properties.proxies();
    }

    public String of(HttpServletRequest request) {
        var hops = ForwardedFor.hops(Collections.list(request.getHeaders(ForwardedFor.HEADER)));
        return ForwardedFor.clientAddress(hops, request.getRemoteAddr(), trusted);
    }
}
