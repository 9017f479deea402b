package dev.agentlocator.telephony.twilio;

import com.twilio.exception.ApiException;
import com.twilio.http.HttpClient;
import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The twilio-java SDK's transport, on the JDK's HTTP client: the SDK builds and parses every
 * request as usual, this sends it to {@code apiBaseUrl} (Twilio, or a local stub in tests) with a
 * timeout, and never retries on its own: creating a call or a message twice is not safe.
 */
final class TwilioHttp extends HttpClient {

    private static final String TWILIO_ORIGIN = "https://api.twilio.com";

    private final java.net.http.HttpClient http;
    private final String apiBaseUrl;
    private final Duration timeout;

    TwilioHttp(String apiBaseUrl, Duration timeout) {
        this.apiBaseUrl = apiBaseUrl;
        this.timeout = timeout;
        this.http = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
    }

    /** One attempt only: the SDK's default retries a 5xx, which could place a call twice. */
    @Override
    public Response reliableRequest(Request request) {
        return makeRequest(request);
    }

    @Override
    public Response makeRequest(Request request) {
        String url = request.constructURL().toString();
        if (url.startsWith(TWILIO_ORIGIN)) {
            url = apiBaseUrl + url.substring(TWILIO_ORIGIN.length());
        }
        var builder = HttpRequest.newBuilder(URI.create(url))
                .timeout(timeout)
                .header("Accept", "application/json")
                .header("User-Agent", "agentlocator-telephony twilio-java");
        if (request.requiresAuthentication()) {
            builder.header("Authorization", request.getAuthString());
        }
        request.getHeaderParams().forEach((name, values) -> values.forEach(v -> builder.header(name, v)));
        HttpMethod method = request.getMethod();
        if (method == HttpMethod.POST) {
            builder.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(request.getPostParams())));
        } else {
            builder.method(method.toString(), HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response =
                    http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.body(), response.statusCode());
        } catch (IOException e) {
            throw new ApiException(String.valueOf(e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException("interrupted", e);
        }
    }

    private static String form(Map<String, List<String>> params) {
        var joiner = new StringJoiner("&");
        params.forEach((name, values) ->
                values.forEach(value -> joiner.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(value, StandardCharsets.UTF_8))));
        return joiner.toString();
    }
}
