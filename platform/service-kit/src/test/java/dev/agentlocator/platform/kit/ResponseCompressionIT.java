package dev.agentlocator.platform.kit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.testkit.ServiceIntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The kit's defaults compress JSON answers above a kilobyte for a client that accepts gzip. */
@ServiceIntegrationTest
class ResponseCompressionIT {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void jsonAboveAKilobyteIsGzipped() throws Exception {
        var response = get("/test/public/text?length=2000", "gzip, deflate, br");

        assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        String json = inflate(response.body());
        assertThat(json).startsWith("{\"text\":\"אא").hasSizeGreaterThan(2000);
        assertThat(response.body().length).isLessThan(json.getBytes(StandardCharsets.UTF_8).length / 10);
    }

    @Test
    void smallAnswersAndClientsThatDoNotAskStayPlain() throws Exception {
        assertThat(get("/test/public/text?length=100", "gzip").headers().firstValue("Content-Encoding"))
                .isEmpty();
        var unasked = get("/test/public/text?length=2000", null);
        assertThat(unasked.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(new String(unasked.body(), StandardCharsets.UTF_8)).startsWith("{\"text\":\"אא");
    }

    private HttpResponse<byte[]> get(String path, String acceptEncoding) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        var response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response;
    }

    private static String inflate(byte[] gzip) throws IOException {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
