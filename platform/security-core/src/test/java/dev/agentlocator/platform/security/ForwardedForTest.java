package dev.agentlocator.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ForwardedForTest {

    /** As a service sees it: the gateway and the ingress in the private networks. */
    private static final TrustedProxies INTERNAL = TrustedProxies.of(TrustedProxies.PRIVATE_NETWORKS);

    @ParameterizedTest(name = "[{0}] from {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                // what the gateway sends for a browser that reached it directly
                "203.0.113.7                          | 127.0.0.1    | 203.0.113.7",
                // behind an ingress the gateway trusts: browser, ingress
                "203.0.113.7, 10.0.0.5                | 10.0.0.8     | 203.0.113.7",
                // a client's own claim stands left of what a trusted proxy wrote
                "198.51.100.1, 203.0.113.7, 10.0.0.5  | 10.0.0.8     | 203.0.113.7",
                "1.1.1.1, 2.2.2.2, 203.0.113.7        | 127.0.0.1    | 203.0.113.7",
                // a request that reached the service directly from outside: the header is the caller's
                "198.51.100.1                         | 203.0.113.9  | 203.0.113.9",
                // every hop internal (a client inside the office network): the left-most
                "192.168.1.20, 10.0.0.5               | 10.0.0.8     | 192.168.1.20",
                "127.0.0.3                            | 127.0.0.1    | 127.0.0.3",
                // no header: the peer
                "''                                   | 127.0.0.1    | 127.0.0.1",
                "''                                   | 203.0.113.9  | 203.0.113.9",
                // ports and brackets as some proxies write them
                "203.0.113.7:51234, 10.0.0.5          | 10.0.0.8     | 203.0.113.7",
                "[2001:db8::1]:443, 10.0.0.5          | 10.0.0.8     | 2001:db8:0:0:0:0:0:1",
                "2001:db8::1                          | ::1          | 2001:db8:0:0:0:0:0:1",
                // something that is not an address ends the walk at the last hop known
                "203.0.113.7, unknown, 10.0.0.5       | 10.0.0.8     | 10.0.0.5",
                "evil.example.com                     | 127.0.0.1    | 127.0.0.1",
            })
    void theClientIsTheRightMostAddressThatIsNotATrustedProxy(String header, String peer, String client) {
        List<String> hops = ForwardedFor.hops(List.of(header));
        assertThat(ForwardedFor.clientAddress(hops, address(peer), INTERNAL)).isEqualTo(client);
    }

    @Test
    void aPeerGivenAsTextIsReadTheSameWay() {
        List<String> hops = List.of("198.51.100.1", "203.0.113.7");
        assertThat(ForwardedFor.clientAddress(hops, "127.0.0.1", INTERNAL)).isEqualTo("203.0.113.7");
        assertThat(ForwardedFor.clientAddress(hops, "0:0:0:0:0:0:0:1", INTERNAL))
                .isEqualTo("203.0.113.7");
        assertThat(ForwardedFor.clientAddress(hops, "203.0.113.9", INTERNAL)).isEqualTo("203.0.113.9");
        assertThat(ForwardedFor.clientAddress(hops, "", INTERNAL)).isEmpty();
    }

    @Test
    void hopsFromSeveralHeaderLinesAreReadInOrder() {
        assertThat(ForwardedFor.hops(Arrays.asList("1.1.1.1, 2.2.2.2", null, " 3.3.3.3 ,, ")))
                .containsExactly("1.1.1.1", "2.2.2.2", "3.3.3.3");
        assertThat(ForwardedFor.hops(null)).isEmpty();
    }

    @Test
    void aProxyKeepsEarlierHopsOnlyFromATrustedPeerAndAlwaysAppendsThePeer() {
        var ingress = TrustedProxies.of(List.of("10.0.0.0/8"));
        List<String> claimed = List.of("198.51.100.1", "203.0.113.7");

        assertThat(ForwardedFor.append(claimed, address("10.0.0.5"), ingress))
                .isEqualTo("198.51.100.1, 203.0.113.7, 10.0.0.5");
        assertThat(ForwardedFor.append(claimed, address("203.0.113.99"), ingress))
                .as("a client cannot choose its own address")
                .isEqualTo("203.0.113.99");
        assertThat(ForwardedFor.append(List.of(), address("203.0.113.99"), TrustedProxies.none()))
                .isEqualTo("203.0.113.99");
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
