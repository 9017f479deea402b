package dev.agentlocator.platform.kit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.platform.kit.testapp.EdgeController;
import dev.agentlocator.testkit.Api;
import dev.agentlocator.testkit.RawHttp;
import dev.agentlocator.testkit.ServiceIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A request that reaches a service without the gateway is judged by the same path rule: any
 * spelling of a route but the canonical one is refused with 400 before a handler runs.
 */
@ServiceIntegrationTest
class CanonicalPathIT {

    private static final String ROUTE = "/test/public/webhook/incoming_call";

    @LocalServerPort
    int port;

    @Test
    void theCanonicalSpellingReachesTheHandler() {
        int before = EdgeController.HANDLED.get();
        var response = RawHttp.from("127.0.0.1").send(port, "POST", ROUTE, "application/json", "{}");
        assertThat(response.status()).isEqualTo(200);
        assertThat(EdgeController.HANDLED.get()).isEqualTo(before + 1);
    }

    @Test
    void everyOtherSpellingIsRefusedWith400JsonAndNoHandlerRuns() {
        List<String> failures = new ArrayList<>();
        for (String spelling : List.of(
                "/test/public/%77ebhook/incoming_call",
                "/test/public/%57ebhook/incoming_call",
                "/test/public/webhook/incoming%5fcall",
                "/test/public/webhook/incoming%5Fcall",
                "/test/%70ublic/webhook/incoming_call",
                "/test/public/webhook//incoming_call",
                "//test/public/webhook/incoming_call",
                "/test/public/webhook/incoming_call/",
                "/test/public/webhook/incoming_call;jsessionid=x",
                "/test/public/webhook;a=b/incoming_call",
                "/test/public/./webhook/incoming_call",
                "/test/public/x/../webhook/incoming_call",
                "/test/public/x/%2e%2e/webhook/incoming_call",
                "/test/public/webhook/incoming_call/.")) {
            int before = EdgeController.HANDLED.get();
            Api.Response response = RawHttp.from("127.0.0.1").send(port, "POST", spelling, "application/json", "{}");
            if (response.status() != 400
                    || !response.isJson()
                    || !"non_canonical_path".equals(response.json("$.error"))) {
                failures.add(spelling + " -> " + response.status() + " " + response.body());
            }
            if (EdgeController.HANDLED.get() != before) {
                failures.add(spelling + " reached the handler");
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void anEncodedSlashTomcatRefusesItselfBeforeAnyFilter() {
        int before = EdgeController.HANDLED.get();
        var response = RawHttp.from("127.0.0.1")
                .send(port, "POST", "/test/public/webhook%2Fincoming_call", "application/json", "{}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(EdgeController.HANDLED.get()).isEqualTo(before);
    }
}
