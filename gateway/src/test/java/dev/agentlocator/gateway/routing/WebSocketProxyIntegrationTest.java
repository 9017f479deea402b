package dev.agentlocator.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.testkit.TestJwks;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/** notification-service is a real WebSocket server here that answers every frame with "echo: " + frame. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "eureka.client.enabled=false")
class WebSocketProxyIntegrationTest {

    private static final DisposableServer NOTIFICATIONS = HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .route(routes -> routes.ws(
                    "/ws", (in, out) -> out.sendString(in.receive().asString().map(frame -> "echo: " + frame))))
            .bindNow();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add(
                "agentlocator.security.jwk-set-uri", () -> TestJwks.shared().url());
        registry.add(
                "spring.cloud.discovery.client.simple.instances.notification-service[0].uri",
                () -> "http://127.0.0.1:" + NOTIFICATIONS.port());
    }

    @AfterAll
    static void stop() {
        NOTIFICATIONS.disposeNow();
    }

    @Test
    void webSocketIsProxiedToNotificationServiceWithoutAToken() {
        var reply = new AtomicReference<String>();

        new ReactorNettyWebSocketClient()
                .execute(
                        URI.create("ws://localhost:" + port + "/ws"),
                        session -> session.send(Mono.just(session.textMessage("CONNECT")))
                                .thenMany(session.receive()
                                        .take(1)
                                        .doOnNext(message -> reply.set(message.getPayloadAsText())))
                                .then())
                .block(Duration.ofSeconds(10));

        assertThat(reply).hasValue("echo: CONNECT");
    }
}
