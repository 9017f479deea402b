package dev.agentlocator.platform.security;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The networks whose hops in {@code X-Forwarded-For} are believed: proxies of our own (an ingress,
 * the gateway) that append the address they accepted a connection from. Written as CIDRs
 * ({@code 10.0.0.0/8}, {@code 2001:db8::/32}) or single addresses.
 */
public final class TrustedProxies {

    /**
     * Loopback and the private networks (RFC 1918, RFC 6598 shared space, IPv6 unique-local): where
     * the gateway and the hops between it and the services live in every deployment we ship.
     */
    public static final List<String> PRIVATE_NETWORKS = List.of(
            "127.0.0.0/8", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "::1/128", "fc00::/7");

    private static final TrustedProxies NONE = new TrustedProxies(List.of(), List.of());

    private final List<Network> networks;
    private final List<String> written;

    private TrustedProxies(List<Network> networks, List<String> written) {
        this.networks = networks;
        this.written = written;
    }

    public static TrustedProxies none() {
        return NONE;
    }

    /**
     * Parses CIDRs; blank entries are ignored, so an empty setting trusts nobody.
     *
     * @throws IllegalArgumentException naming the first entry that is not an address or CIDR
     */
    public static TrustedProxies of(Collection<String> cidrs) {
        List<Network> networks = new ArrayList<>();
        List<String> written = new ArrayList<>();
        for (String cidr : cidrs) {
            if (cidr == null || cidr.isBlank()) {
                continue;
            }
            networks.add(Network.parse(cidr.strip()));
            written.add(cidr.strip());
        }
        return new TrustedProxies(List.copyOf(networks), List.copyOf(written));
    }

    public boolean isTrusted(InetAddress address) {
        return address != null && networks.stream().anyMatch(network -> network.contains(address));
    }

    /** Whether an address literal is trusted; anything that is not an address literal is not. */
    public boolean isTrusted(String literal) {
        return IpAddresses.parse(literal).map(this::isTrusted).orElse(false);
    }

    public boolean isEmpty() {
        return networks.isEmpty();
    }

    @Override
    public String toString() {
        return written.isEmpty() ? "(none)" : String.join(", ", written);
    }

    private record Network(byte[] prefix, int bits) {

        static Network parse(String cidr) {
            int slash = cidr.indexOf('/');
            String address = slash < 0 ? cidr : cidr.substring(0, slash);
            InetAddress parsed = IpAddresses.parse(address)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "'" + cidr + "' is not an IP address or CIDR (e.g. 10.0.0.0/8, 2001:db8::/32)"));
            byte[] bytes = parsed.getAddress();
            int max = bytes.length * 8;
            int bits;
            try {
                bits = slash < 0 ? max : Integer.parseInt(cidr.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + cidr + "' has no valid prefix length", e);
            }
            if (bits < 0 || bits > max) {
                throw new IllegalArgumentException("'" + cidr + "': prefix length must be 0 to " + max);
            }
            return new Network(bytes, bits);
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != prefix.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (candidate[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xFF << (8 - rest) & 0xFF;
            return (candidate[full] & mask) == (prefix[full] & mask);
        }
    }
}
