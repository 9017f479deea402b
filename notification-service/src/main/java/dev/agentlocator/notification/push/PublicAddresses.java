package dev.agentlocator.notification.push;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Whether an address is on the public internet: not loopback, private, link-local, shared
 * (carrier-grade NAT), multicast, reserved or set aside for documentation (IANA's special-purpose
 * registries). A push service is always a public host; anything else behind a push endpoint is a
 * request aimed at our own network.
 */
final class PublicAddresses {

    private static final List<Block> NON_PUBLIC_V4 = List.of(
            Block.of("0.0.0.0/8"),
            Block.of("10.0.0.0/8"),
            Block.of("100.64.0.0/10"),
            Block.of("127.0.0.0/8"),
            Block.of("169.254.0.0/16"),
            Block.of("172.16.0.0/12"),
            Block.of("192.0.0.0/24"),
            Block.of("192.0.2.0/24"),
            Block.of("192.88.99.0/24"),
            Block.of("192.168.0.0/16"),
            Block.of("198.18.0.0/15"),
            Block.of("198.51.100.0/24"),
            Block.of("203.0.113.0/24"),
            Block.of("224.0.0.0/4"),
            Block.of("240.0.0.0/4"));

    /** Global unicast is 2000::/3; inside it, these are tunnels, benchmarks and documentation. */
    private static final Block GLOBAL_UNICAST_V6 = Block.of("2000::/3");

    private static final List<Block> NON_PUBLIC_V6 =
            List.of(Block.of("2001::/23"), Block.of("2001:db8::/32"), Block.of("2002::/16"), Block.of("3fff::/20"));

    static boolean isPublic(InetAddress address) {
        if (address instanceof Inet4Address) {
            return NON_PUBLIC_V4.stream().noneMatch(block -> block.contains(address));
        }
        return GLOBAL_UNICAST_V6.contains(address)
                && NON_PUBLIC_V6.stream().noneMatch(block -> block.contains(address));
    }

    private record Block(byte[] network, int prefix) {

        static Block of(String cidr) {
            int slash = cidr.indexOf('/');
            try {
                return new Block(
                        InetAddress.getByName(cidr.substring(0, slash)).getAddress(),
                        Integer.parseInt(cidr.substring(slash + 1)));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(cidr, e);
            }
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            int bits = bytes.length * 8;
            BigInteger mask = BigInteger.ONE
                    .shiftLeft(bits)
                    .subtract(BigInteger.ONE)
                    .shiftRight(prefix)
                    .not();
            return new BigInteger(1, bytes).and(mask).equals(new BigInteger(1, network).and(mask));
        }
    }

    private PublicAddresses() {}
}
