package dev.agentlocator.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.testkit.TestJwks;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * Issue 24: ConversationRelay's socket reaches telephony-service through the gateway without a
 * token, with Twilio's handshake signature and the forwarded host/proto the service needs to
 * rebuild the URL Twilio signed. telephony-service is a real WebSocket server here that answers
 * with what its handshake carried, then echoes frames both ways.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "eureka.client.enabled=false")
class RelayWebSocketProxyIntegrationTest {

    private static final DisposableServer TELEPHONY = HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .route(routes -> routes.ws("/relay/conversation", (in, out) -> {
                var h = in.headers();
                String handshake = "signature=" + h.get("X-Twilio-Signature") + " host=" + h.get("X-Forwarded-Host")
                        + " proto=" + h.get("X-Forwarded-Proto");
                return out.sendString(Flux.concat(
                        Mono.just(handshake), in.receive().asString().map(frame -> "echo: " + frame)));
            }))
            .bindNow();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add(
                "agentlocator.security.jwk-set-uri", () -> TestJwks.shared().url());
        registry.add(
                "spring.cloud.discovery.client.simple.instances.telephony-service[0].uri",
                () -> "http://127.0.0.1:" + TELEPHONY.port());
    }

    @AfterAll
    static void stop() {
        TELEPHONY.disposeNow();
    }

    @Test
    void conversationRelaysSocketReachesTelephonyWithItsSignatureAndNoToken() {
        List<String> frames = new CopyOnWriteArrayList<>();
        var headers = new HttpHeaders();
        headers.add("X-Twilio-Signature", "c2lnbmVk");

        new ReactorNettyWebSocketClient()
                .execute(
                        URI.create("ws://localhost:" + port + "/relay/conversation"),
                        headers,
                        session -> session.send(Mono.just(session.textMessage("{\"type\":\"setup\"}")))
                                .thenMany(session.receive()
                                        .map(WebSocketMessage::getPayloadAsText)
                                        .take(2)
                                        .doOnNext(frames::add))
                                .then())
                .block(Duration.ofSeconds(10));

        assertThat(frames)
                .containsExactly(
                        "signature=c2lnbmVk host=localhost:" + port + " proto=http", "echo: {\"type\":\"setup\"}");
    }
}
