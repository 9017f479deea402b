package dev.agentlocator.gateway.operators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.gateway.Downstream;
import dev.agentlocator.gateway.GatewayIntegrationTest;
import dev.agentlocator.testkit.TestJwt;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/** ADR 0026: /api/admin/<service>/** reaches that service's /api/admin/**, for platform admins only. */
class OperatorRoutesIntegrationTest extends GatewayIntegrationTest {

    static String admin() {
        return "Bearer " + TestJwt.token(UUID.randomUUID(), UUID.randomUUID(), "admin");
    }

    @ParameterizedTest(name = "{0} {1} -> {2} {3}")
    @CsvSource({
        "GET,  /api/admin/crm/outbox/parked,                 crm-service,          /api/admin/outbox/parked",
        "POST, /api/admin/telephony/outbox/parked/requeue,   telephony-service,    /api/admin/outbox/parked/requeue",
        "GET,  /api/admin/billing/dead-letters?state=all,    billing-service,      /api/admin/dead-letters?state=all",
        "POST, /api/admin/timeline/rebuild,                  timeline-service,     /api/admin/rebuild",
        "GET,  /api/admin/timeline/rebuild,                  timeline-service,     /api/admin/rebuild",
        "POST, /api/admin/notification/dead-letters/replay,  notification-service, /api/admin/dead-letters/replay",
    })
    void aPlatformAdminReachesTheOperatorsEndpointsOfEachService(
            String method, String path, String service, String servicePath) {
        client.method(HttpMethod.valueOf(method))
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, admin())
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("X-Echo-Service", service)
                .expectHeader()
                .valueEquals("X-Echo-Path", servicePath);
    }

    @Test
    void anyoneElseIsRefusedAtTheGatewayAndTheServiceNeverSeesTheRequest() {
        Downstream timeline = TIMELINE;
        int before = timeline.total();
        for (String role : new String[] {"owner", "agent", "viewer", "service"}) {
            client.post()
                    .uri("/api/admin/timeline/rebuild")
                    .header(
                            HttpHeaders.AUTHORIZATION,
                            "Bearer " + TestJwt.token(UUID.randomUUID(), UUID.randomUUID(), role))
                    .exchange()
                    .expectStatus()
                    .isForbidden()
                    .expectBody()
                    .jsonPath("$.error")
                    .isEqualTo("forbidden");
        }
        client.post()
                .uri("/api/admin/timeline/rebuild")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("unauthorized");
        assertThat(timeline.total()).isEqualTo(before);
    }

    @Test
    void anUnknownServiceOrTheBareOperatorsPathIsNotFound() {
        for (String path : new String[] {"/api/admin/nope/outbox/parked", "/api/admin/dead-letters"}) {
            client.get()
                    .uri(path)
                    .header(HttpHeaders.AUTHORIZATION, admin())
                    .exchange()
                    .expectStatus()
                    .isNotFound()
                    .expectBody()
                    .jsonPath("$.error")
                    .isEqualTo("not_found");
        }
    }
}
