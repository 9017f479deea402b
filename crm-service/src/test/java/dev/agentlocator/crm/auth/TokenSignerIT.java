package dev.agentlocator.crm.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import dev.agentlocator.crm.Accounts;
import dev.agentlocator.testkit.Api;
import dev.agentlocator.testkit.ServiceIntegrationTest;
import dev.agentlocator.testkit.TestJwt;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** crm-service as the one token signer (ADR 0021): its published keys, its tokens, service tokens. */
@ServiceIntegrationTest
class TokenSignerIT {

    private static final String FORM = "application/x-www-form-urlencoded";

    @LocalServerPort
    int port;

    @Test
    void thePublicKeysArePublishedToAnyoneAndNothingPrivateWithThem() throws Exception {
        var jwks = Api.at(port).get("/.well-known/jwks.json");

        assertThat(jwks.status()).isEqualTo(200);
        JWKSet published = JWKSet.parse(jwks.body());
        assertThat(published.getKeys()).hasSize(1);
        ECKey key = published.getKeys().get(0).toECKey();
        assertThat(key.getKeyID()).isEqualTo(TestJwt.KEY.getKeyID());
        assertThat(key.isPrivate()).isFalse();
        assertThat(jwks.body()).doesNotContain("\"d\"");
        assertThat(key.toECPublicKey()).isEqualTo(TestJwt.KEY.toECPublicKey());
    }

    @Test
    void anAccessTokenIsSignedEs256ByThePublishedKeyAndNamesIt() throws Exception {
        var owner = Accounts.signUp(port, "עסק");
        SignedJWT token = SignedJWT.parse(owner.accessToken());

        assertThat(token.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(token.getHeader().getKeyID()).isEqualTo(TestJwt.KEY.getKeyID());
        ECKey published = JWKSet.parse(
                        Api.at(port).get("/.well-known/jwks.json").body())
                .getKeyByKeyId(token.getHeader().getKeyID())
                .toECKey();
        assertThat(token.verify(new ECDSAVerifier(published))).isTrue();
    }

    @Test
    void aServiceWithItsOwnSecretGetsAShortLivedServiceTokenForOneTenant() throws Exception {
        var owner = Accounts.signUp(port, "עסק");
        UUID tenant = UUID.fromString(owner.tenantId());

        var answer = tokenRequest(
                "client_credentials", "telephony-service", TestJwt.TELEPHONY_CLIENT_SECRET, tenant.toString());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.<String>json("$.token_type")).isEqualTo("Bearer");
        assertThat(answer.<Integer>json("$.expires_in")).isEqualTo(300);
        String serviceToken = answer.json("$.access_token");
        var claims = SignedJWT.parse(serviceToken).getJWTClaimsSet();
        assertThat(claims.getStringListClaim("roles")).containsExactly("service");
        assertThat(claims.getStringClaim("tid")).isEqualTo(tenant.toString());
        assertThat(claims.getStringClaim("client_id")).isEqualTo("telephony-service");
        assertThat(claims.getSubject())
                .isEqualTo(UUID.nameUUIDFromBytes("telephony-service".getBytes(StandardCharsets.UTF_8))
                        .toString());

        var service = Api.at(port).withToken(serviceToken);
        assertThat(service.post("/internal/customers/resolve", "{\"phone\":\"050-7654321\"}")
                        .status())
                .isEqualTo(200);
        assertThat(service.get("/api/crm/customers").status())
                .as("a service token acts for no person")
                .isEqualTo(403);
        assertThat(service.get("/api/auth/me").status())
                .as("nor is it anyone's session")
                .isIn(401, 403);
    }

    @Test
    void aWrongSecretAnUnknownServiceOrAMalformedRequestGetsNoToken() {
        String tenant = UUID.randomUUID().toString();

        var wrongSecret = tokenRequest("client_credentials", "telephony-service", "guess", tenant);
        assertThat(wrongSecret.status()).isEqualTo(401);
        assertThat(wrongSecret.<String>json("$.error")).isEqualTo("invalid_client");
        assertThat(tokenRequest("client_credentials", "billing-service", TestJwt.TELEPHONY_CLIENT_SECRET, tenant)
                        .status())
                .as("a client crm does not know")
                .isEqualTo(401);
        assertThat(tokenRequest("client_credentials", "telephony-service", null, tenant)
                        .status())
                .isEqualTo(401);

        var password = tokenRequest("password", "telephony-service", TestJwt.TELEPHONY_CLIENT_SECRET, tenant);
        assertThat(password.status()).isEqualTo(400);
        assertThat(password.<String>json("$.error")).isEqualTo("unsupported_grant_type");
        var noTenant = tokenRequest("client_credentials", "telephony-service", TestJwt.TELEPHONY_CLIENT_SECRET, "all");
        assertThat(noTenant.status()).isEqualTo(400);
        assertThat(noTenant.<String>json("$.error")).isEqualTo("invalid_request");
    }

    @Test
    void aFormThatCannotBeReadIsA400NeverAServerError() {
        for (String body : new String[] {
            "grant_type=client_credentials&client_id=telephony-service&client_secret=%C3%28",
            "name,phone\n\u05d0,0501234567\n",
            "grant_type=client_credentials&%ZZ=1",
        }) {
            var answer = Api.at(port).send("POST", "/internal/auth/token", body, FORM);
            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.isJson()).as(body).isTrue();
        }
        assertThat(Api.at(port)
                        .post("/internal/auth/token", "{\"grant_type\":\"client_credentials\"}")
                        .status())
                .as("JSON is not the token endpoint's format")
                .isEqualTo(415);
    }

    private Api.Response tokenRequest(String grant, String client, String secret, String tenant) {
        StringBuilder form = new StringBuilder("grant_type=" + grant + "&client_id=" + client + "&tenant_id=" + tenant);
        if (secret != null) {
            form.append("&client_secret=").append(URLEncoder.encode(secret, StandardCharsets.UTF_8));
        }
        return Api.at(port).send("POST", "/internal/auth/token", form.toString(), FORM);
    }
}
