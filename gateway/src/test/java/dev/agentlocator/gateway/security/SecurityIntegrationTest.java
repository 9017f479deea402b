package dev.agentlocator.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.agentlocator.gateway.GatewayIntegrationTest;
import dev.agentlocator.testkit.TestJwt;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;

class SecurityIntegrationTest extends GatewayIntegrationTest {

    private static final String SIGN_IN_AGAIN = "ההתחברות אינה תקפה או שפג תוקפה, יש להתחבר מחדש";

    @Test
    void requestWithoutTokenIsRejectedBeforeReachingTheService() {
        String path = unique("/api/crm/customers");

        client.get()
                .uri(path)
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectHeader()
                .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader()
                .exists("X-Correlation-Id")
                .expectBody()
                .json("""
                        {"error":"unauthorized","message":"נדרשת התחברות"}""", JsonCompareMode.STRICT);

        assertThat(CRM.received(path)).isEmpty();
    }

    @Test
    void expiredTokenIsRejectedBeforeReachingTheService() {
        String path = unique("/api/crm/customers");

        client.get()
                .uri(path)
                .header(
                        HttpHeaders.AUTHORIZATION,
                        "Bearer " + TestJwt.expired(UUID.randomUUID(), UUID.randomUUID(), "owner"))
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .json("{\"error\":\"unauthorized\",\"message\":\"" + SIGN_IN_AGAIN + "\"}", JsonCompareMode.STRICT);

        assertThat(CRM.received(path)).isEmpty();
    }

    @Test
    void tokenSignedWithAnotherKeyIsRejectedBeforeReachingTheService() {
        String path = unique("/api/tasks");
        String forged = TestJwt.signedWithWrongKey(UUID.randomUUID(), UUID.randomUUID(), "owner");

        client.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + forged)
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("unauthorized");
    }

    /** What any holder of the old shared JWT_SECRET could mint: no symmetric algorithm is trusted. */
    @Test
    void tokenSignedWithASharedSecretIsRejectedWhateverItsKeyIdSays() {
        String path = unique("/api/crm/customers");

        client.get()
                .uri(path)
                .header(
                        HttpHeaders.AUTHORIZATION,
                        "Bearer " + TestJwt.signedWithSharedSecret(UUID.randomUUID(), UUID.randomUUID(), "owner"))
                .exchange()
                .expectStatus()
                .isUnauthorized();

        assertThat(CRM.received(path)).isEmpty();
    }

    @Test
    void tokenFromAnotherIssuerIsRejected() {
        String path = unique("/api/crm/customers");
        String foreign = tokenFromIssuer("someone-else");

        client.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + foreign)
                .exchange()
                .expectStatus()
                .isUnauthorized();

        assertThat(CRM.received(path)).isEmpty();
    }

    @Test
    void garbageInsteadOfATokenIsRejectedAsJson() {
        client.get()
                .uri("/api/crm/customers")
                .header(HttpHeaders.AUTHORIZATION, "Bearer not-a-jwt")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("unauthorized");
    }

    @Test
    void meNeedsATokenAlthoughItLivesUnderAuth() {
        client.get().uri("/api/auth/me").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void staleTokenDoesNotLockTheUserOutOfSigningIn() {
        String expired = TestJwt.expired(UUID.randomUUID(), UUID.randomUUID(), "owner");

        for (String path : new String[] {"/api/auth/login", "/api/auth/refresh", "/api/auth/signup"}) {
            client.post()
                    .uri(path)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + expired)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .valueEquals("X-Echo-Service", "crm-service")
                    // Forwarded untouched; the service decides what a stale token means to it.
                    .expectHeader()
                    .valueEquals("X-Echo-Authorization", "Bearer " + expired);
        }
    }

    @Test
    void theMailedAccountLinksNeedNoTokenButOnlyAsPosts() {
        for (String path : new String[] {
            "/api/auth/verify-email",
            "/api/auth/verify-email/resend",
            "/api/auth/password/forgot",
            "/api/auth/password/reset",
            "/api/auth/email/confirm",
            "/api/auth/invitations/accept"
        }) {
            client.post()
                    .uri(path)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .valueEquals("X-Echo-Service", "crm-service");
        }
        for (String path : new String[] {"/api/auth/sessions", "/api/auth/password", "/api/auth/email"}) {
            client.post().uri(path).exchange().expectStatus().isUnauthorized();
        }
        client.delete()
                .uri("/api/auth/password/reset")
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void twilioWebhooksVoiceFilesSigningPagesAndTheSocketNeedNoToken() {
        client.post().uri("/webhook/twilio/voice").exchange().expectStatus().isOk();
        client.get()
                .uri("/static/voice_responses/answer.mp3")
                .exchange()
                .expectStatus()
                .isOk();
        client.get()
                .uri("/api/public/sign/one-time-token")
                .exchange()
                .expectStatus()
                .isOk();
        client.post()
                .uri("/api/public/sign/one-time-token")
                .exchange()
                .expectStatus()
                .isOk();
        client.get().uri("/ws/info").exchange().expectStatus().isOk();
    }

    @Test
    void onlyThePushKeyOfTheNotificationRoutesIsPublic() {
        client.get()
                .uri("/api/notifications/vapid-public-key")
                .exchange()
                .expectStatus()
                .isOk();
        client.get().uri("/api/notifications").exchange().expectStatus().isUnauthorized();
        client.post()
                .uri("/api/notifications/vapid-public-key")
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void probesAndMetricsNeedNoToken() {
        client.get().uri("/actuator/health").exchange().expectStatus().isOk();
        client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        client.get().uri("/actuator/info").exchange().expectStatus().isOk();
        client.get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(body -> assertThat(body).contains("application=\"gateway\""));
    }

    @Test
    void corsPreflightFromAnAllowedOriginPasses() {
        client.options()
                .uri("/api/crm/customers")
                .header(HttpHeaders.ORIGIN, ALLOWED_ORIGIN)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "PATCH")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "Authorization, Content-Type, X-Correlation-Id")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED_ORIGIN)
                .expectHeader()
                .value(
                        HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS,
                        methods -> assertThat(methods).contains("PATCH"));
    }

    @Test
    void corsPreflightFromAnyOtherOriginIsRefused() {
        client.options()
                .uri("/api/crm/customers")
                .header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    @Test
    void crossOriginCallsSeeTheCorrelationId() {
        client.method(HttpMethod.GET)
                .uri("/api/crm/customers")
                .header(HttpHeaders.ORIGIN, ALLOWED_ORIGIN)
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED_ORIGIN)
                .expectHeader()
                .value(
                        HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS,
                        exposed -> assertThat(exposed).containsIgnoringCase("X-Correlation-Id"));
    }

    /** Signed with the right key, so only the issuer check can refuse it. */
    private static String tokenFromIssuer(String issuer) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(UUID.randomUUID().toString())
                .claim("tid", UUID.randomUUID().toString())
                .claim("roles", List.of("owner"))
                .expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(15))))
                .build();
        return TestJwt.sign(TestJwt.KEY, claims);
    }
}
