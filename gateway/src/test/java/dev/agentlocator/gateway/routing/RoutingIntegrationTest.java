package dev.agentlocator.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.gateway.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

class RoutingIntegrationTest extends GatewayIntegrationTest {

    private static final String CUSTOMER = "0b6a3f8e-4a55-4a8e-9d4c-1f0e2b3c4d5e";

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "GET,  /api/auth/me,                                 crm-service",
        "GET,  /api/crm/customers,                           crm-service",
        "GET,  /api/crm/customers/export,                    crm-service",
        "PUT,  /api/tenant/features,                         crm-service",
        "GET,  /api/users/me,                                crm-service",
        "POST, /webhook/twilio/voice,                        telephony-service",
        "GET,  /static/voice_responses/greeting.mp3,         telephony-service",
        "POST, /api/customers/" + CUSTOMER + "/call/start,     telephony-service",
        "POST, /api/customers/" + CUSTOMER + "/whatsapp/start, telephony-service",
        "GET,  /api/calls,                                   telephony-service",
        "GET,  /api/whatsapp/messages,                       telephony-service",
        "GET,  /api/contracts/42,                            billing-service",
        "POST, /api/invoices/42/issue,                       billing-service",
        "GET,  /api/public/sign/one-time-token,              billing-service",
        "GET,  /api/customers/" + CUSTOMER + "/timeline,       timeline-service",
        "GET,  /api/customers/" + CUSTOMER + "/timeline/more,  timeline-service",
        "GET,  /api/stats/summary?from=2025-01-01,           timeline-service",
        "GET,  /api/notifications/subscriptions,             notification-service",
        "GET,  /ws/info,                                     notification-service",
    })
    void everyPathFamilyReachesTheServiceThatOwnsIt(String method, String path, String service) {
        client.method(HttpMethod.valueOf(method))
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("X-Echo-Service", service)
                .expectHeader()
                .valueEquals("X-Echo-Method", method)
                .expectHeader()
                .valueEquals("X-Echo-Path", path);
    }

    @Test
    void authenticatedRequestReachesCrmServiceWithItsTokenAndACorrelationId() {
        String path = unique("/api/crm/customers");
        String token = bearer();

        client.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, token)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .isEqualTo("crm-service GET " + path);

        assertThat(CRM.received(path)).singleElement().satisfies(received -> {
            assertThat(received.authorization()).isEqualTo(token);
            assertThat(received.correlationId()).matches("[A-Za-z0-9._-]{1,64}");
        });
    }

    @Test
    void loginNeedsNoToken() {
        client.post()
                .uri("/api/auth/login")
                .bodyValue("{\"email\":\"demo@agentlocator.dev\",\"password\":\"demo1234!\"}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("X-Echo-Service", "crm-service");
    }

    @Test
    void serviceWithoutAnyInstanceAnswersServiceUnavailableJson() {
        client.get()
                .uri("/api/tasks")
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("service_unavailable")
                .jsonPath("$.message")
                .isEqualTo("השירות אינו זמין כרגע, נסו שוב בעוד רגע");
    }
}
