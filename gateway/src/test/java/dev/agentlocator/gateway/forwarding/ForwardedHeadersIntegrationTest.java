package dev.agentlocator.gateway.forwarding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.gateway.Downstream.Received;
import dev.agentlocator.gateway.GatewayIntegrationTest;
import dev.agentlocator.testkit.RawHttp;
import org.junit.jupiter.api.Test;

/**
 * What the services learn about the client from the gateway, with clients on distinct loopback
 * addresses and {@link GatewayIntegrationTest#TRUSTED_PROXY} standing in for an ingress.
 */
class ForwardedHeadersIntegrationTest extends GatewayIntegrationTest {

    @Test
    void theServiceLearnsTheAddressTheConnectionCameFrom() {
        Received received = login(RawHttp.from("127.0.0.2"));

        assertThat(received.header("X-Forwarded-For")).isEqualTo("127.0.0.2");
        assertThat(received.header("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(received.header("X-Forwarded-Host")).isEqualTo("127.0.0.1:" + port);
        assertThat(received.header("X-Forwarded-Port")).isEqualTo(Integer.toString(port));
    }

    @Test
    void aClientCannotChooseItsOwnAddressOrPublicUrl() {
        Received received = login(RawHttp.from("127.0.0.3")
                .withHeader("X-Forwarded-For", "203.0.113.5, 10.0.0.1")
                .withHeader("X-Forwarded-Host", "evil.example")
                .withHeader("X-Forwarded-Proto", "https")
                .withHeader("X-Forwarded-Port", "443")
                .withHeader("X-Forwarded-Prefix", "/evil")
                .withHeader("Forwarded", "for=198.51.100.1;host=evil.example;proto=https"));

        assertThat(received.header("X-Forwarded-For")).isEqualTo("127.0.0.3");
        assertThat(received.header("X-Forwarded-Host")).isEqualTo("127.0.0.1:" + port);
        assertThat(received.header("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(received.header("X-Forwarded-Port")).isEqualTo(Integer.toString(port));
        assertThat(received.header("X-Forwarded-Prefix")).isNull();
        assertThat(received.header("Forwarded")).isNull();
    }

    @Test
    void aTrustedProxyVouchesForTheHopsBeforeItAndTheGatewayAppendsIt() {
        Received received = login(RawHttp.from(TRUSTED_PROXY)
                .withHeader("X-Forwarded-For", "198.51.100.1, 203.0.113.5")
                .withHeader("X-Forwarded-Host", "app.example.com")
                .withHeader("X-Forwarded-Proto", "https")
                .withHeader("X-Forwarded-Port", "443")
                .withHeader("Forwarded", "for=192.0.2.1"));

        assertThat(received.header("X-Forwarded-For")).isEqualTo("198.51.100.1, 203.0.113.5, " + TRUSTED_PROXY);
        assertThat(received.header("X-Forwarded-Host")).isEqualTo("app.example.com");
        assertThat(received.header("X-Forwarded-Proto")).isEqualTo("https");
        assertThat(received.header("X-Forwarded-Port")).isEqualTo("443");
        assertThat(received.header("Forwarded")).as("one convention only").isNull();
    }

    @Test
    void aTrustedProxyThatSaysNothingIsTheClient() {
        Received received = login(RawHttp.from(TRUSTED_PROXY));

        assertThat(received.header("X-Forwarded-For")).isEqualTo(TRUSTED_PROXY);
        assertThat(received.header("X-Forwarded-Host")).isEqualTo("127.0.0.1:" + port);
    }

    /** Logs in through the gateway as {@code client} and returns what crm-service received. */
    private Received login(RawHttp client) {
        String path = "/api/auth/login";
        int before = CRM.received(path).size();
        var response = client.post(port, path, "{\"email\":\"x@example.test\",\"password\":\"x\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        var received = CRM.received(path);
        assertThat(received).hasSize(before + 1);
        return received.get(received.size() - 1);
    }
}
