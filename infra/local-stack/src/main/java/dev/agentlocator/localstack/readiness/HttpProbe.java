package dev.agentlocator.localstack.readiness;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/** Plain HTTP/1.1 GETs with short timeouts, for polling local endpoints. */
public final class HttpProbe {

    /** What came back; {@code status} is 0 and {@code error} says why when nothing did. */
    public record Response(int status, String contentType, String body, String error) {

        public boolean answered() {
            return status > 0;
        }

        public boolean isJson() {
            return contentType.contains("json");
        }

        /** For messages: the status, or what went wrong. */
        public String summary() {
            return answered() ? "HTTP " + status : error;
        }
    }

    private final HttpClient client;
    private final Duration timeout;

    public HttpProbe(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public Response get(String url, String accept) {
        return get(url, accept, java.util.Map.of());
    }

    public Response get(String url, String accept, java.util.Map<String, String> headers) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(url)).timeout(timeout).header("Accept", accept);
        headers.forEach(builder::header);
        HttpRequest request = builder.GET().build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            return new Response(response.statusCode(), contentType, response.body(), null);
        } catch (ConnectException e) {
            return new Response(0, "", "", "connection refused");
        } catch (HttpTimeoutException e) {
            return new Response(0, "", "", "timed out");
        } catch (IOException e) {
            return new Response(0, "", "", e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(0, "", "", "interrupted");
        }
    }
}
