package dev.agentlocator.gateway.errors;

import dev.agentlocator.gateway.Downstream;
import dev.agentlocator.testkit.TestJwks;
import dev.agentlocator.testkit.TestJwt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * crm-service registered but not listening; timeline-service too slow for a 1 s response timeout,
 * or hanging up without an answer.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "eureka.client.enabled=false",
            "spring.cloud.gateway.server.webflux.httpclient.response-timeout=1s",
        })
@AutoConfigureWebTestClient
class DownstreamFailureIntegrationTest {

    private static final Downstream SLOW_TIMELINE = Downstream.start("timeline-service");

    @Autowired
    WebTestClient client;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add(
                "agentlocator.security.jwk-set-uri", () -> TestJwks.shared().url());
        registry.add(
                "spring.cloud.discovery.client.simple.instances.crm-service[0].uri",
                () -> "http://127.0.0.1:" + closedPort());
        registry.add("spring.cloud.discovery.client.simple.instances.timeline-service[0].uri", SLOW_TIMELINE::uri);
    }

    @Test
    void serviceThatRefusesConnectionsAnswersServiceUnavailableJson() {
        client.get()
                .uri("/api/crm/customers")
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectBody()
                .json("""
                        {"error":"service_unavailable","message":"השירות אינו זמין כרגע, נסו שוב בעוד רגע"}""", JsonCompareMode.STRICT);
    }

    @Test
    void serviceThatHangsUpBeforeAnsweringAnswersBadGatewayJson() {
        client.get()
                .uri("/api/stats/hang-up")
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .exchange()
                .expectStatus()
                .isEqualTo(502)
                .expectBody()
                .json("""
                        {"error":"bad_gateway","message":"השירות ניתק את החיבור לפני שענה, נסו שוב בעוד רגע"}""", JsonCompareMode.STRICT);
    }

    @Test
    void serviceThatAnswersTooLateAnswersGatewayTimeoutJson() {
        client.get()
                .uri("/api/stats/slow")
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .exchange()
                .expectStatus()
                .isEqualTo(504)
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("gateway_timeout")
                .jsonPath("$.message")
                .isNotEmpty();
    }

    private static String bearer() {
        return "Bearer " + TestJwt.token(UUID.randomUUID(), UUID.randomUUID(), "agent");
    }

    private static int closedPort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
