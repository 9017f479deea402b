package dev.agentlocator.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.gateway.Downstream;
import dev.agentlocator.gateway.GatewayIntegrationTest;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

class SecurityHeadersIntegrationTest extends GatewayIntegrationTest {

    @Test
    void aServicesAnswerGetsThePolicyAndTheHardeningHeaders() {
        expectHardened(client.get()
                .uri(unique("/api/crm/customers"))
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .exchange()
                .expectStatus()
                .isOk());
    }

    @Test
    void theGatewaysOwnErrorsAndPublicRoutesGetThemToo() {
        expectHardened(
                client.get().uri("/api/crm/customers").exchange().expectStatus().isUnauthorized());
        expectHardened(client.get()
                .uri("/api/public/sign/token")
                .exchange()
                .expectStatus()
                .isOk());
    }

    @Test
    void thePolicyAllowsOnlyWhatTheWebClientLoads() {
        Map<String, String> policy = directives(client.get()
                .uri("/api/public/sign/token")
                .exchange()
                .returnResult(String.class)
                .getResponseHeaders()
                .getFirst("Content-Security-Policy"));

        assertThat(policy)
                .containsEntry("default-src", "'self'")
                .containsEntry("script-src", "'self'")
                .containsEntry("style-src", "'self'")
                .containsEntry("connect-src", "'self' blob:")
                .containsEntry("object-src", "'none'")
                .containsEntry("base-uri", "'self'")
                .containsEntry("frame-ancestors", "'none'");
        assertThat(String.join(" ", policy.values()))
                .as("nothing inline, nothing evaluated")
                .doesNotContain("'unsafe-inline'", "'unsafe-eval'", "*");
    }

    @Test
    void aPolicyAServiceSendsIsLeftAlone() {
        client.get()
                .uri(unique("/api/crm/own-policy"))
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("Content-Security-Policy", Downstream.OWN_POLICY);
    }

    private static void expectHardened(ResponseSpec response) {
        response.expectHeader()
                .valueEquals("Content-Security-Policy", SecurityHeaders.CONTENT_SECURITY_POLICY)
                .expectHeader()
                .valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader()
                .valueEquals("X-Frame-Options", "DENY")
                .expectHeader()
                .valueEquals("Referrer-Policy", "same-origin");
    }

    private static Map<String, String> directives(String policy) {
        assertThat(policy).isNotBlank();
        return Arrays.stream(policy.split(";"))
                .map(String::strip)
                .collect(Collectors.toMap(d -> d.split(" ", 2)[0], d -> d.contains(" ") ? d.split(" ", 2)[1] : ""));
    }
}
