package dev.agentlocator.gateway.operators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.gateway.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Outside production the documents and the Swagger UI are open (ADR 0026). */
class ApiDocsIntegrationTest extends GatewayIntegrationTest {

    @Test
    void theListNamesEveryServicesDocument() {
        client.get()
                .uri("/api/docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[*].name")
                .isEqualTo(java.util.List.of("crm", "telephony", "tasks", "billing", "timeline", "notification"))
                .jsonPath("$[0].url")
                .isEqualTo("/api/docs/crm");
    }

    @Test
    void aDocumentIsTheServicesOwnWithTheGatewayAsServerAndOperatorsPathsAsRouted() {
        client.get()
                .uri("/api/docs/billing")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.info.title")
                .isEqualTo("AgentLocator billing-service")
                .jsonPath("$.servers[0].url")
                .isEqualTo("/")
                .jsonPath("$.servers.length()")
                .isEqualTo(1)
                .jsonPath("$.paths['/api/admin/billing/dead-letters']")
                .exists()
                .jsonPath("$.paths['/api/admin/dead-letters']")
                .doesNotExist()
                .jsonPath("$.paths['/api/things']")
                .exists();
    }

    @Test
    void theSwaggerUiIsServedWithItsFiles() {
        String page = client.get()
                .uri("/api/docs/ui")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(page).contains("/api/docs/ui/swagger-ui-bundle.js", "/api/docs/ui/agentlocator-docs.js");
        for (String file : new String[] {
            "swagger-ui-bundle.js", "swagger-ui-standalone-preset.js", "swagger-ui.css", "agentlocator-docs.js"
        }) {
            client.get().uri("/api/docs/ui/" + file).exchange().expectStatus().isOk();
        }
        client.get()
                .uri("/api/docs/ui/oauth2-redirect.html")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("not_found");
    }

    @Test
    void anUnknownServiceHasNoDocument() {
        client.get()
                .uri("/api/docs/nope")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("not_found");
    }

    @Test
    void aServiceWithoutInstancesIsUnavailableNotAnError() {
        // tasks-service has no instance in these tests
        client.get()
                .uri("/api/docs/tasks")
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("service_unavailable");
    }
}
