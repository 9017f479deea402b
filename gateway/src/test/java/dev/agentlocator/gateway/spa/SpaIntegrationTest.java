package dev.agentlocator.gateway.spa;

import dev.agentlocator.gateway.GatewayIntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class SpaIntegrationTest extends GatewayIntegrationTest {

    private static final String INDEX = "<!doctype html><html dir=\"rtl\"><body><div id=\"root\"></div></body></html>";
    private static final String APP_JS = "console.log('AgentLocator');";

    private static final Path DIST = builtClient();

    @DynamicPropertySource
    static void client(DynamicPropertyRegistry registry) {
        registry.add("agentlocator.client.dist-dir", DIST::toString);
    }

    @Test
    void staticFileIsServedByItsPath() {
        client.get()
                .uri("/app.js")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith("text/javascript")
                .expectBody(String.class)
                .isEqualTo(APP_JS);
    }

    @Test
    void hashedAssetsMayBeCachedForever() {
        client.get()
                .uri("/assets/index-3f2a1b.js")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .cacheControl(
                        CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
    }

    @Test
    void clientRoutesGetIndexHtmlThatIsNeverServedFromCache() {
        for (String path : new String[] {"/customers/123", "/"}) {
            client.get()
                    .uri(path)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.TEXT_HTML)
                    .expectHeader()
                    .valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache")
                    .expectBody(String.class)
                    .isEqualTo(INDEX);
        }
    }

    @Test
    void missingFileIsNotFoundRatherThanTheHtmlPage() {
        client.get()
                .uri("/assets/gone-123.js")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("not_found");
    }

    @Test
    void filesOutsideTheClientAreNeverServed() {
        client.get()
                .uri("/..%2Fsecret.txt")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("non_canonical_path");
    }

    @Test
    void apiPathsStayWithTheServicesAndTheGateway() {
        client.get()
                .uri("/api/nope")
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("not_found");
        client.get().uri("/api/crm/customers").exchange().expectStatus().isUnauthorized();
        client.get()
                .uri("/static/voice_responses/answer.mp3")
                .exchange()
                .expectHeader()
                .valueEquals("X-Echo-Service", "telephony-service");
    }

    private static Path builtClient() {
        try {
            Path parent = Files.createTempDirectory("gateway-spa");
            Files.writeString(parent.resolve("secret.txt"), "not part of the client");
            Path dist = Files.createDirectories(parent.resolve("dist"));
            Files.writeString(dist.resolve("index.html"), INDEX);
            Files.writeString(dist.resolve("app.js"), APP_JS);
            Files.writeString(Files.createDirectories(dist.resolve("assets")).resolve("index-3f2a1b.js"), APP_JS);
            return dist;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
