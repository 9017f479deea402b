package dev.agentlocator.localstack.checks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * What a browser gets through the real gateway: the client's code as the brotli copy the build
 * wrote, and a page of API JSON gzip-compressed by the service. The JDK's client, because it
 * neither asks for nor undoes compression by itself.
 */
final class CompressionChecks {

    private static final Pattern ENTRY_SCRIPT = Pattern.compile("src=\"(/assets/index-[\\w-]+\\.js)\"");

    private final String gateway;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    CompressionChecks(String gateway) {
        this.gateway = gateway;
    }

    /** The entry script named by index.html arrives as brotli when the browser accepts it. */
    String clientCodeIsBrotli() {
        var index = get("/", "br, gzip");
        String html = index.encoding().equals("br") ? null : index.text();
        if (html == null) {
            // index.html itself is small; the build compresses it only above a kilobyte.
            html = get("/", "identity").text();
        }
        var script = ENTRY_SCRIPT.matcher(html);
        if (!script.find()) {
            return "index.html names no entry script: " + html.substring(0, Math.min(200, html.length()));
        }
        var entry = get(script.group(1), "gzip, deflate, br, zstd");
        if (entry.status() != 200 || !entry.encoding().equals("br")) {
            return script.group(1) + ": HTTP " + entry.status() + ", Content-Encoding '" + entry.encoding() + "'";
        }
        return "";
    }

    /** A page of customers (well above a kilobyte) comes back gzip-compressed, and inflates to JSON. */
    String apiJsonIsGzip(String accessToken) {
        var page = get("/api/crm/customers?limit=25", "gzip", "Authorization", "Bearer " + accessToken);
        if (page.status() != 200 || !page.encoding().equals("gzip")) {
            return "HTTP " + page.status() + ", Content-Encoding '" + page.encoding() + "', " + page.body().length
                    + " bytes";
        }
        try (var in = new GZIPInputStream(new ByteArrayInputStream(page.body()))) {
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return json.startsWith("{") && json.contains("\"items\"") ? "" : "not the customers JSON: " + json;
        } catch (IOException e) {
            return "not gzip: " + e;
        }
    }

    private record Answer(int status, String encoding, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private Answer get(String path, String acceptEncoding, String... headers) {
        var request = HttpRequest.newBuilder(URI.create(gateway + path))
                .timeout(Duration.ofSeconds(10))
                .header("Accept-Encoding", acceptEncoding);
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            var response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(
                    response.statusCode(),
                    response.headers().firstValue("Content-Encoding").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
