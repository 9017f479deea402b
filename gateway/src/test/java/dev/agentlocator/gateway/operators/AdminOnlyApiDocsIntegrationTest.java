package dev.agentlocator.gateway.operators;

import dev.agentlocator.gateway.GatewayIntegrationTest;
import dev.agentlocator.testkit.TestJwt;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;

/** With APP_ENV=production the documents are a platform admin's; the UI's files carry no secret. */
@TestPropertySource(properties = "agentlocator.api-docs.app-env=production")
class AdminOnlyApiDocsIntegrationTest extends GatewayIntegrationTest {

    @Test
    void theDocumentsNeedAPlatformAdminsToken() {
        for (String path : new String[] {"/api/docs", "/api/docs/crm"}) {
            client.get().uri(path).exchange().expectStatus().isUnauthorized();
            client.get()
                    .uri(path)
                    .header(HttpHeaders.AUTHORIZATION, bearer())
                    .exchange()
                    .expectStatus()
                    .isForbidden()
                    .expectBody()
                    .jsonPath("$.error")
                    .isEqualTo("forbidden");
            client.get()
                    .uri(path)
                    .header(HttpHeaders.AUTHORIZATION, OperatorRoutesIntegrationTest.admin())
                    .exchange()
                    .expectStatus()
                    .isOk();
        }
        client.get().uri("/api/docs/ui").exchange().expectStatus().isOk();
    }

    @Test
    void theOperatorsRoutesStayAdminOnly() {
        client.get()
                .uri("/api/admin/crm/outbox/parked")
                .header(
                        HttpHeaders.AUTHORIZATION,
                        "Bearer " + TestJwt.token(UUID.randomUUID(), UUID.randomUUID(), "owner"))
                .exchange()
                .expectStatus()
                .isForbidden();
    }
}
