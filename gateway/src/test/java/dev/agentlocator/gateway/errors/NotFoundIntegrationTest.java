package dev.agentlocator.gateway.errors;

import dev.agentlocator.gateway.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;

class NotFoundIntegrationTest extends GatewayIntegrationTest {

    @Test
    void unknownApiPathAnswersNotFoundJson() {
        client.get()
                .uri("/api/nope")
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .json("""
                        {"error":"not_found","message":"הכתובת המבוקשת לא נמצאה"}""", JsonCompareMode.STRICT);
    }

    @Test
    void pageRequestWithoutABuiltClientAnswersNotFoundJson() {
        client.get()
                .uri("/")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("not_found");
    }

    @Test
    void unsupportedMethodOnAGatewayEndpointAnswersJsonToo() {
        client.post()
                .uri("/actuator/health")
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .exchange()
                .expectStatus()
                .isEqualTo(405)
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("method_not_allowed");
    }
}
