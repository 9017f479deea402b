package dev.agentlocator.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.gateway.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

class RequestSizeIntegrationTest extends GatewayIntegrationTest {

    private static final byte[] TWO_MB = new byte[2 * 1024 * 1024];

    @Test
    void aBodyOverOneMegabyteIsRefusedAtTheEdgeAndNeverReachesTheService() {
        String path = unique("/api/crm/customers");

        client.post()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(TWO_MB)
                .exchange()
                .expectStatus()
                .isEqualTo(413)
                .expectHeader()
                .contentType(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("payload_too_large");
        assertThat(CRM.received(path)).isEmpty();
    }

    @Test
    void theCsvImportMayCarryItsFiveMegabytes() {
        client.post()
                .uri("/api/crm/customers/import")
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .contentType(MediaType.parseMediaType("text/csv"))
                .bodyValue(TWO_MB)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("X-Echo-Service", "crm-service");
    }
}
