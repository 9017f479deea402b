package dev.agentlocator.telephony.google;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.agentlocator.telephony.providers.Deadline;
import dev.agentlocator.telephony.providers.ProviderCalls;
import dev.agentlocator.telephony.providers.ProviderException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Google service account (the JSON key file of {@code GOOGLE_APPLICATION_CREDENTIALS}) and the
 * OAuth 2.0 access tokens it earns with the JWT bearer grant (RFC 7523) at the key's {@code
 * token_uri}. Tokens are cached until a minute before they expire.
 */
final class GoogleCredentials {

    static final String PROVIDER = "google-oauth";
    static final String SCOPE = "https://www.googleapis.com/auth/cloud-platform";

    private final String clientEmail;
    private final String keyId;
    private final PrivateKey privateKey;
    private final URI tokenUri;
    private final JsonMapper json;

    private String token;
    private Instant tokenExpires = Instant.EPOCH;

    private GoogleCredentials(String clientEmail, String keyId, PrivateKey privateKey, URI tokenUri, JsonMapper json) {
        this.clientEmail = clientEmail;
        this.keyId = keyId;
        this.privateKey = privateKey;
        this.tokenUri = tokenUri;
        this.json = json;
    }

    /** Reads a service-account key file; fails with a message naming what is wrong. */
    static GoogleCredentials load(Path file, JsonMapper json) {
        JsonNode key;
        try {
            key = json.readTree(Files.readAllBytes(file));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("GOOGLE_APPLICATION_CREDENTIALS: cannot read " + file + ": " + e, e);
        }
        String type = key.path("type").asString("");
        String email = key.path("client_email").asString("");
        String pem = key.path("private_key").asString("");
        String tokenUri = key.path("token_uri").asString("https://oauth2.googleapis.com/token");
        if (!"service_account".equals(type) || email.isBlank() || pem.isBlank()) {
            throw new IllegalStateException("GOOGLE_APPLICATION_CREDENTIALS: " + file
                    + " is not a service-account key (type, client_email, private_key)");
        }
        return new GoogleCredentials(
                email, key.path("private_key_id").asString(null), parsePrivateKey(pem), URI.create(tokenUri), json);
    }

    /** A valid access token, fetched when the cached one is about to expire. */
    synchronized String accessToken(ProviderCalls calls, Duration timeout, Deadline deadline) {
        if (token != null && Instant.now().isBefore(tokenExpires)) {
            return token;
        }
        String form =
                "grant_type=" + URLEncoder.encode("urn:ietf:params:oauth:grant-type:jwt-bearer", StandardCharsets.UTF_8)
                        + "&assertion=" + URLEncoder.encode(assertion(), StandardCharsets.UTF_8);
        var request = HttpRequest.newBuilder(tokenUri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        JsonNode answer = json.readTree(
                calls.send(PROVIDER, request, timeout, deadline, 1).body());
        String accessToken = answer.path("access_token").asString("");
        if (accessToken.isBlank()) {
            throw new ProviderException(PROVIDER, "bad_answer", "no access_token from the token endpoint");
        }
        long expiresIn = answer.path("expires_in").asLong(3600);
        this.token = accessToken;
        this.tokenExpires = Instant.now().plusSeconds(Math.max(0, expiresIn - 60));
        return accessToken;
    }

    private String assertion() {
        Instant now = Instant.now();
        var claims = new JWTClaimsSet.Builder()
                .issuer(clientEmail)
                .subject(clientEmail)
                .audience(tokenUri.toString())
                .claim("scope", SCOPE)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .build();
        var header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build();
        var jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new RSASSASigner(privateKey));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign the Google token request", e);
        }
        return jwt.serialize();
    }

    private static PrivateKey parsePrivateKey(String pem) {
        String base64 = pem.replace("-----BEGIN PRIVATE KEY-----", "")
                .replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("GOOGLE_APPLICATION_CREDENTIALS: private_key is not a PKCS#8 RSA key", e);
        }
    }
}
