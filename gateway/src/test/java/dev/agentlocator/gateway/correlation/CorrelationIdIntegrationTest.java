package dev.agentlocator.gateway.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.gateway.Downstream;
import dev.agentlocator.gateway.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** The correlation id is the request's trace id, and the trace goes on to the service (ADR 0025). */
class CorrelationIdIntegrationTest extends GatewayIntegrationTest {

    private static final String CALLER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN = "00f067aa0ba902b7";

    @Test
    void aCallersTraceIsContinuedForwardedAndItsIdEchoed() {
        String path = unique("/api/crm/customers");

        client.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .header("traceparent", "00-" + CALLER_TRACE + "-" + CALLER_SPAN + "-01")
                .exchange()
                .expectStatus()
                .isOk()
                // Exactly one value, although the service echoes it as well.
                .expectHeader()
                .valuesMatch("X-Correlation-Id", CALLER_TRACE);

        Downstream.Received received = CRM.received(path).get(0);
        assertThat(received.correlationId()).isEqualTo(CALLER_TRACE);
        assertThat(received.header("traceparent"))
                .as("the gateway's own span, a child of the caller's, is the service's parent")
                .matches("00-" + CALLER_TRACE + "-[0-9a-f]{16}-01")
                .doesNotContain(CALLER_SPAN);
    }

    @Test
    void aRequestWithoutATraceStartsOneWhoseIdIsTheCorrelationId() {
        String path = unique("/api/crm/customers");

        String returned = client.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .header("X-Correlation-Id", "a-callers-own-id")
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseHeaders()
                .getFirst("X-Correlation-Id");

        assertThat(returned).matches("[0-9a-f]{32}");
        Downstream.Received received = CRM.received(path).get(0);
        assertThat(received.correlationId()).isEqualTo(returned);
        assertThat(received.header("traceparent")).startsWith("00-" + returned + "-");
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
                .value("X-Correlation-Id", id -> assertThat(id).matches("[0-9a-f]{32}"));
    }
}
