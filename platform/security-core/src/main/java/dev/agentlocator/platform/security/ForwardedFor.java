package dev.agentlocator.platform.security;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one rule for the client's address, used by the gateway to write {@code X-Forwarded-For} and
 * by the services to read it.
 *
 * <p>Anyone can send an {@code X-Forwarded-For} header, so an entry is only as good as the hop
 * that added it. Each proxy appends the peer it accepted the connection from; reading from the
 * right, every address up to and including the first one that is not a trusted proxy was written
 * by a trusted proxy, and that first untrusted address is the client. Whatever stands further left
 * was written by the client itself and is never believed.
 */
public final class ForwardedFor {

    public static final String HEADER = "X-Forwarded-For";

    /**
     * The hops of every {@code X-Forwarded-For} value received, left to right, trimmed; values may
     * hold several comma-separated hops.
     */
    public static List<String> hops(List<String> headerValues) {
        List<String> hops = new ArrayList<>();
        if (headerValues == null) {
            return hops;
        }
        for (String value : headerValues) {
            if (value == null) {
                continue;
            }
            for (String hop : value.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.strip());
                }
            }
        }
        return hops;
    }

    /**
     * What a proxy sends on: the hops it received when {@code peer} is a trusted proxy (which
     * vouches for them), none otherwise, and then {@code peer} itself.
     */
    public static String append(List<String> received, InetAddress peer, TrustedProxies trusted) {
        List<String> hops = trusted.isTrusted(peer) ? new ArrayList<>(received) : new ArrayList<>();
        hops.add(peer.getHostAddress());
        return String.join(", ", hops);
    }

    /**
     * The client's address: the right-most address of {@code hops} + {@code peer} that is not a
     * trusted proxy. When every one of them is trusted (a client inside a trusted network), the
     * left-most. A hop that is not an IP address ends the walk: nothing trustworthy wrote it, so the
     * address to its right is the last one known.
     *
     * @param peer the address the connection came from
     * @return the address in its standard text form
     */
    public static String clientAddress(List<String> hops, InetAddress peer, TrustedProxies trusted) {
        InetAddress client = peer;
        if (!trusted.isTrusted(peer)) {
            return peer.getHostAddress();
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = IpAddresses.parse(withoutPort(hops.get(i)));
            if (hop.isEmpty()) {
                break;
            }
            client = hop.get();
            if (!trusted.isTrusted(client)) {
                break;
            }
        }
        return client.getHostAddress();
    }

    /**
     * The same for a peer known only as text (a servlet container's remote address); a peer that
     * is not an address literal is returned as it is.
     */
    public static String clientAddress(List<String> hops, String peer, TrustedProxies trusted) {
        return IpAddresses.parse(peer)
                .map(address -> clientAddress(hops, address, trusted))
                .orElse(peer);
    }

    /** {@code 203.0.113.7:51234} and {@code [2001:db8::1]:443} as some proxies write them. */
    private static String withoutPort(String hop) {
        if (hop.startsWith("[")) {
            int close = hop.indexOf(']');
            return close < 0 ? hop : hop.substring(0, close + 1);
        }
        int colon = hop.indexOf(':');
        return colon > 0 && colon == hop.lastIndexOf(':') ? hop.substring(0, colon) : hop;
    }

    private ForwardedFor() {}
}
