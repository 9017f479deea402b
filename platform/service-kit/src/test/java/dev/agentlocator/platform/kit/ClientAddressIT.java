package dev.agentlocator.platform.kit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.testkit.RawHttp;
import dev.agentlocator.testkit.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The client's address as every service reads it. Here only 127.0.0.1 is a trusted proxy (it plays
 * the gateway); other loopback addresses are callers that reached the service some other way.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = "agentlocator.forwarded.trusted-proxies=127.0.0.1/32")
class ClientAddressIT {

    @LocalServerPort
    int port;

    @Test
    void behindTheGatewayTheClientIsTheRightMostAddressThatIsNotATrustedProxy() {
        var gateway = RawHttp.from("127.0.0.1").withHeader("X-Forwarded-For", "198.51.100.1, 203.0.113.7");
        var response = gateway.get(port, "/test/public/whoami");

        assertThat(response.<String>json("$.clientAddress")).isEqualTo("203.0.113.7");
        assertThat(response.<String>json("$.peer"))
                .as("the socket peer stays what it is")
                .isEqualTo("127.0.0.1");
    }

    @Test
    void aCallerThatIsNotATrustedProxyIsItselfTheClientWhateverItClaims() {
        var response = RawHttp.from("127.0.0.5")
                .withHeader("X-Forwarded-For", "203.0.113.7")
                .get(port, "/test/public/whoami");

        assertThat(response.<String>json("$.clientAddress")).isEqualTo("127.0.0.5");
    }

    @Test
    void withoutAHeaderTheClientIsThePeer() {
        assertThat(RawHttp.from("127.0.0.6").get(port, "/test/public/whoami").<String>json("$.clientAddress"))
                .isEqualTo("127.0.0.6");
    }
}
