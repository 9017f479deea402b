package dev.agentlocator.billing.taxauthority;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Tax Authority's Israel Invoices API (SHAAM). Without a client id and secret the sandbox
 * provider allocates instead, and says so.
 *
 * @param clientId the application key of our app on the Tax Authority's developer portal
 * @param clientSecret its secret
 * @param redirectUri exactly the redirect URI registered for the app (the portal compares it case-sensitively)
 * @param oauthBaseUrl where {@code /longtimetoken/oauth2/authorize} and {@code /token} are
 * @param apiBaseUrl where {@code /Invoices/v2/Approval} is
 * @param tokenEncryptionKey base64 of the 32-byte AES key that encrypts the stored tokens
 * @param reconsentWarning how long before the refresh token expires the owner is warned
 * @param stateTtl how long a started "connect" may take
 */
@ConfigurationProperties("agentlocator.billing.tax-authority")
public record TaxAuthorityProperties(
        String clientId,
        String clientSecret,
        URI redirectUri,

        @DefaultValue("https://openapi.taxes.gov.il/shaam/production")
        URI oauthBaseUrl,

        @DefaultValue("https://ita-api.taxes.gov.il/shaam/production")
        URI apiBaseUrl,

        @DefaultValue("scope") String scope,
        String tokenEncryptionKey,
        @DefaultValue("PT5S") Duration connectTimeout,
        @DefaultValue("PT20S") Duration requestTimeout,
        @DefaultValue("P7D") Duration reconsentWarning,
        @DefaultValue("PT10M") Duration stateTtl) {

    /** The real provider runs only with both client credentials. */
    public boolean configured() {
        return clientId != null && !clientId.isBlank() && clientSecret != null && !clientSecret.isBlank();
    }

    URI oauth(String path) {
        return URI.create(strip(oauthBaseUrl) + path);
    }

    URI api(String path) {
        return URI.create(strip(apiBaseUrl) + path);
    }

    private static String strip(URI base) {
        String text = base.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
