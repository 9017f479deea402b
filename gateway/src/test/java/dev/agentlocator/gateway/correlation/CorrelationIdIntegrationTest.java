package dev.agentlocator.gateway.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.gateway.GatewayIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class CorrelationIdIntegrationTest extends GatewayIntegrationTest {

    @Test
    void incomingCorrelationIdIsKeptForwardedAndEchoed() {
        String path = unique("/api/crm/customers");

        client.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .header("X-Correlation-Id", "req-42.abc_DEF")
                .exchange()
                .expectStatus()
                .isOk()
                // Exactly one value, although the service echoes it as well.
                .expectHeader()
                .valuesMatch("X-Correlation-Id", "req-42\\.abc_DEF");

        assertThat(CRM.received(path))
                .singleElement()
                .extracting(r -> r.correlationId())
                .isEqualTo("req-42.abc_DEF");
    }

    @Test
    void unsafeCorrelationIdIsReplacedByAFreshOne() {
        String path = unique("/api/crm/customers");

        String returned = client.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .header("X-Correlation-Id", "evil\"id with spaces")
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseHeaders()
                .getFirst("X-Correlation-Id");

        assertThat(UUID.fromString(returned)).isNotNull();
        assertThat(CRM.received(path))
                .singleElement()
                .extracting(r -> r.correlationId())
                .isEqualTo(returned);
    }

    @Test
    void requestWithoutCorrelationIdGetsOneEvenWhenTheGatewayAnswersItself() {
        client.get()
                .uri("/api/nope")
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .value("X-Correlation-Id", id -> assertThat(UUID.fromString(id)).isNotNull());
    }
}
