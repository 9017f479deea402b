package dev.agentlocator.billing.taxauthority;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * A local stand-in for the Tax Authority's SHAAM endpoints, answering in their wire format: the OAuth2
 * token endpoint ({@code /longtimetoken/oauth2/token}: {@code token_type}, {@code access_token},
 * {@code expires_in} 601, {@code consented_on}, {@code refresh_token}, {@code refresh_token_expires_in}
 * 2592000; {@code {"error": "invalid_grant"}} refusals) and {@code POST /Invoices/v2/Approval}
 * ({@code status}, {@code message}, {@code confirmation_number}, {@code approved}; refusals as
 * {@code message.errors[]} with {@code code}, {@code message}, {@code param}, {@code location}; the
 * gateway's errors in IBM API Connect's {@code httpCode}/{@code moreInformation} form).
 */
public final class TaxAuthorityStub {

    public static final String CLIENT_ID = "b4fdcbc8307386180bd735305a2027ee";
    public static final String CLIENT_SECRET = "stub-client-secret";
    public static final String BASE = "/shaam/tsandbox";
    public static final String TOKEN = BASE + "/longtimetoken/oauth2/token";
    public static final String APPROVAL = BASE + "/Invoices/v2/Approval";
    public static final String REDIRECT_URI = "https://app.example.com/settings/tax-authority/callback";

    public final WireMockServer server;

    public TaxAuthorityStub() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
    }

    public String url() {
        return server.baseUrl() + BASE;
    }

    public void reset() {
        server.resetAll();
    }

    /** The code exchange: the client authenticates with HTTP Basic, as the portal's apps do. */
    public void grantsCode(String code, String access, String refresh, long consentedOn) {
        server.stubFor(post(urlPathEqualTo(TOKEN))
                .withHeader("Authorization", equalTo(basic()))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withRequestBody(containing("grant_type=authorization_code"))
                .withRequestBody(containing("code=" + code))
                .withRequestBody(containing("redirect_uri=" + urlEncoded(REDIRECT_URI)))
                .willReturn(okJson(tokens(access, refresh, consentedOn))));
    }

    public void refusesCode(String code) {
        server.stubFor(post(urlPathEqualTo(TOKEN))
                .withRequestBody(containing("code=" + code))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid authorization code\"}")));
    }

    /** A refresh: grant_type=refresh_token with the client credentials in the form body. */
    public void refreshes(String refresh, String newAccess, String newRefresh, long consentedOn) {
        server.stubFor(post(urlPathEqualTo(TOKEN))
                .withRequestBody(containing("grant_type=refresh_token"))
                .withRequestBody(containing("refresh_token=" + refresh))
                .withRequestBody(containing("client_id=" + CLIENT_ID))
                .withRequestBody(containing("client_secret=" + CLIENT_SECRET))
                .willReturn(okJson(tokens(newAccess, newRefresh, consentedOn))));
    }

    public void refusesRefresh(String refresh) {
        server.stubFor(post(urlPathEqualTo(TOKEN))
                .withRequestBody(containing("grant_type=refresh_token"))
                .withRequestBody(containing("refresh_token=" + refresh))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Refresh token is expired\"}")));
    }

    public MappingBuilder approval(String accessToken) {
        return post(urlPathEqualTo(APPROVAL))
                .withHeader("Authorization", equalTo("Bearer " + accessToken))
                .withHeader("Content-Type", matching("application/json.*"));
    }

    public void approves(String accessToken, String confirmationNumber) {
        server.stubFor(approval(accessToken).willReturn(approved(confirmationNumber)));
    }

    public static ResponseDefinitionBuilder approved(String confirmationNumber) {
        return okJson("""
                {"status": 200, "message": "Invoice approved", "confirmation_number": "%s", "approved": true}""".formatted(confirmationNumber));
    }

    /** A refusal or data error: {@code message.errors} and confirmation number "0". */
    public static ResponseDefinitionBuilder refused(
            int httpStatus, int code, String message, String param, String location) {
        return aResponse()
                .withStatus(httpStatus)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"status": %d, "message": {"errors": [{"code": %d, "message": "%s", "param": "%s",
                         "location": "%s"}]}, "confirmation_number": "0", "approved": false}""".formatted(httpStatus, code, message, param, location));
    }

    /** The gateway's own errors (401, 403, 404, 422, 429, 5xx) in IBM API Connect's form. */
    public static ResponseDefinitionBuilder gateway(int httpStatus, String httpMessage, String moreInformation) {
        return aResponse()
                .withStatus(httpStatus)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"httpCode": "%d", "httpMessage": "%s", "moreInformation": "%s"}""".formatted(httpStatus, httpMessage, moreInformation));
    }

    public List<LoggedRequest> approvalRequests() {
        return server.findAll(postRequestedFor(urlPathEqualTo(APPROVAL)));
    }

    public List<LoggedRequest> tokenRequests() {
        return server.findAll(postRequestedFor(urlPathEqualTo(TOKEN)));
    }

    public static String tokens(String access, String refresh, long consentedOn) {
        return """
                {"token_type": "Bearer", "access_token": "%s", "scope": "scope", "expires_in": 601,
                 "consented_on": %d, "refresh_token": "%s", "refresh_token_expires_in": 2592000}""".formatted(access, consentedOn, refresh);
    }

    public static String basic() {
        return "Basic "
                + Base64.getEncoder()
                        .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
    }

    private static String urlEncoded(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
