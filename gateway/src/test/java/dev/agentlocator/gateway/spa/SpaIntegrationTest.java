package dev.agentlocator.gateway.spa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.gateway.GatewayIntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class SpaIntegrationTest extends GatewayIntegrationTest {

    private static final String INDEX = "<!doctype html><html dir=\"rtl\"><body><div id=\"root\"></div></body></html>";
    private static final String APP_JS = "console.log('AgentLocator');";
    /** {@link #APP_JS} as the client build's brotli step writes it (Node's zlib). */
    private static final byte[] APP_JS_BROTLI =
            Base64.getDecoder().decode("iw2AY29uc29sZS5sb2coJ0FnZW50TG9jYXRvcicpOwM=");

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
    void theBrotliCopyGoesToABrowserThatAcceptsIt() {
        for (String accepted : new String[] {"gzip, deflate, br, zstd", "br;q=1.0, gzip;q=0.8", "*"}) {
            client.get()
                    .uri("/app.js")
                    .header(HttpHeaders.ACCEPT_ENCODING, accepted)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .valueEquals(HttpHeaders.CONTENT_ENCODING, "br")
                    .expectHeader()
                    .valueEquals(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
                    .expectHeader()
                    .contentTypeCompatibleWith("text/javascript")
                    .expectBody(byte[].class)
                    .isEqualTo(APP_JS_BROTLI);
        }
    }

    @Test
    void theGzipCopyGoesToABrowserThatAcceptsOnlyGzip() throws IOException, InterruptedException {
        // The JDK's client, because the test client would inflate the body and drop the header.
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/app.js"))
                                .header(HttpHeaders.ACCEPT_ENCODING, "gzip, br;q=0")
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues(HttpHeaders.CONTENT_ENCODING)).containsExactly("gzip");
        assertThat(response.headers().allValues(HttpHeaders.VARY)).containsExactly(HttpHeaders.ACCEPT_ENCODING);
        try (var in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(APP_JS);
        }
    }

    @Test
    void aBrowserThatAcceptsNoCompressionGetsThePlainFile() {
        for (String accepted : new String[] {"", "identity", "br;q=0, gzip;q=0", "*;q=0", "br;q=x"}) {
            var request = client.get().uri("/app.js");
            if (!accepted.isEmpty()) {
                request.header(HttpHeaders.ACCEPT_ENCODING, accepted);
            }
            request.exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .doesNotExist(HttpHeaders.CONTENT_ENCODING)
                    .expectHeader()
                    .valueEquals(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
                    .expectBody(String.class)
                    .isEqualTo(APP_JS);
        }
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
            Files.write(dist.resolve("app.js.br"), APP_JS_BROTLI);
            try (var gzip = new GZIPOutputStream(Files.newOutputStream(dist.resolve("app.js.gz")))) {
                gzip.write(APP_JS.getBytes(StandardCharsets.UTF_8));
            }
            Files.writeString(Files.createDirectories(dist.resolve("assets")).resolve("index-3f2a1b.js"), APP_JS);
            return dist;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
