package dev.agentlocator.billing.taxauthority;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Tax Authority's endpoints, over HTTP, in their wire format (see ADR 0017 for what of it is
 * published and what is assumed): the OAuth2 authorization-code flow under
 * {@code /longtimetoken/oauth2/} and the invoice approval {@code POST /Invoices/v2/Approval}.
 */
@Component
class TaxAuthorityClient {

    static final String AUTHORIZE = "/longtimetoken/oauth2/authorize";
    static final String TOKEN = "/longtimetoken/oauth2/token";
    static final String APPROVAL = "/Invoices/v2/Approval";

    /** The token endpoint's answer to a successful grant. */
    record Tokens(
            String accessToken, String refreshToken, long expiresIn, Long consentedOn, Long refreshTokenExpiresIn) {}

    /** Either tokens, or the endpoint's refusal ({@code invalid_grant} for an expired refresh token). */
    record TokenAnswer(Tokens tokens, int status, String error, String description) {
        boolean granted() {
            return tokens != null;
        }
    }

    /** An HTTP answer of the approval endpoint, as received. */
    record ApiAnswer(int status, String body, Optional<Duration> retryAfter) {}

    /** The service did not answer (connection refused, reset, timed out): the outcome is unknown. */
    static final class Unreachable extends RuntimeException {
        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final TaxAuthorityProperties properties;
    private final JsonMapper json;
    private final HttpClient http;

    TaxAuthorityClient(TaxAuthorityProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Where the owner's browser goes to log in to the Tax Authority and consent. */
    URI authorizationUrl(String state) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", properties.clientId());
        query.put("scope", properties.scope());
        query.put("state", state);
        if (properties.redirectUri() != null) {
            query.put("redirect_uri", properties.redirectUri().toString());
        }
        return URI.create(properties.oauth(AUTHORIZE) + "?" + form(query));
    }

    /** The code from the callback for tokens: client credentials in HTTP Basic, as the portal's apps use. */
    TokenAnswer exchange(String code) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("grant_type", "authorization_code");
        body.put("code", code);
        body.put(
                "redirect_uri",
                properties.redirectUri() == null ? "" : properties.redirectUri().toString());
        String basic = Base64.getEncoder()
                .encodeToString(
                        (properties.clientId() + ":" + properties.clientSecret()).getBytes(StandardCharsets.UTF_8));
        return token(body, Optional.of("Basic " + basic));
    }

    /** A new access token for the refresh token; the client credentials go in the form body. */
    TokenAnswer refresh(String refreshToken) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("grant_type", "refresh_token");
        body.put("refresh_token", refreshToken);
        body.put("client_id", properties.clientId());
        body.put("client_secret", properties.clientSecret());
        return token(body, Optional.empty());
    }

    ApiAnswer approve(String accessToken, String requestJson) {
        HttpRequest request = HttpRequest.newBuilder(properties.api(APPROVAL))
                .timeout(properties.requestTimeout())
                .header("Authorization", "Bearer " + accessToken)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(requestJson, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = send(request);
        return new ApiAnswer(
                response.statusCode(),
                response.body(),
                response.headers().firstValue("Retry-After").flatMap(TaxAuthorityClient::seconds));
    }

    private TokenAnswer token(Map<String, String> form, Optional<String> authorization) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(properties.oauth(TOKEN))
                .timeout(properties.requestTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form(form), StandardCharsets.UTF_8));
        authorization.ifPresent(value -> builder.header("Authorization", value));
        HttpResponse<String> response = send(builder.build());
        JsonNode body = parse(response.body());
        if (response.statusCode() == 200 && body.hasNonNull("access_token")) {
            return new TokenAnswer(
                    new Tokens(
                            body.path("access_token").asString(),
                            body.hasNonNull("refresh_token")
                                    ? body.path("refresh_token").asString()
                                    : null,
                            body.path("expires_in").asLong(600),
                            body.hasNonNull("consented_on")
                                    ? body.path("consented_on").asLong()
                                    : null,
                            body.hasNonNull("refresh_token_expires_in")
                                    ? body.path("refresh_token_expires_in").asLong()
                                    : null),
                    200,
                    null,
                    null);
        }
        return new TokenAnswer(
                null,
                response.statusCode(),
                body.path("error").asString(""),
                body.path("error_description").asString(""));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new Unreachable(
                    "the Tax Authority did not answer " + request.uri().getPath() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("interrupted while waiting for the Tax Authority", e);
        }
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (RuntimeException notJson) {
            return json.createObjectNode();
        }
    }

    private static Optional<Duration> seconds(String value) {
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value.trim())));
        } catch (NumberFormatException httpDate) {
            return Optional.empty();
        }
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
