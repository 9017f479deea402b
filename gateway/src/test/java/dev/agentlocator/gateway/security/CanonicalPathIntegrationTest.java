package dev.agentlocator.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.gateway.Downstream;
import dev.agentlocator.gateway.GatewayIntegrationTest;
import dev.agentlocator.testkit.Api;
import dev.agentlocator.testkit.PathSpellings;
import dev.agentlocator.testkit.RawHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every other spelling of a public route is refused at the gateway with 400 JSON before anything
 * reaches a service; the canonical spelling goes through. Sent byte for byte, as an attacker would.
 */
class CanonicalPathIntegrationTest extends GatewayIntegrationTest {

    private static final RawHttp CLIENT = RawHttp.from("127.0.0.1");

    static Stream<Arguments> publicRoutes() {
        return Stream.of(
                Arguments.of("POST", "/webhook/incoming_call"),
                Arguments.of("POST", "/webhook/call_status"),
                Arguments.of("GET", "/static/voice_responses/greeting.mp3"),
                Arguments.of("GET", "/api/public/sign/one-time-token"),
                Arguments.of("POST", "/api/public/sign/one-time-token"),
                Arguments.of("POST", "/api/auth/login"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("publicRoutes")
    void everyOtherSpellingIsRefusedBeforeAnyServiceSeesIt(String method, String path) {
        List<String> failures = new ArrayList<>();
        for (String spelling : PathSpellings.of(path)) {
            int before = reachedServices();
            Api.Response response = CLIENT.send(port, method, spelling, "application/json", "{}");
            if (response.status() != 400) {
                failures.add(spelling + " -> " + response.status() + " " + response.body());
            } else if (!response.isJson() || !"non_canonical_path".equals(response.json("$.error"))) {
                failures.add(spelling + " -> 400 but not the JSON error: " + response.body());
            }
            if (reachedServices() != before) {
                failures.add(spelling + " reached a service");
            }
        }
        assertThat(failures).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("publicRoutes")
    void theCanonicalSpellingGoesThrough(String method, String path) {
        Api.Response response = CLIENT.send(port, method, path, "application/json", "{}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.header("X-Echo-Path")).isEqualTo(path);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("publicRoutes")
    void inAnotherCaseItIsAnotherPathThatNoPublicRuleAndNoRouteMatches(String method, String path) {
        int before = reachedServices();
        Api.Response response = CLIENT.send(port, method, PathSpellings.otherCase(path), "application/json", "{}");
        assertThat(response.status()).as(response.body()).isIn(401, 404);
        assertThat(reachedServices()).isEqualTo(before);
    }

    private static int reachedServices() {
        return Stream.of(CRM, TELEPHONY, BILLING, TIMELINE, NOTIFICATION)
                .mapToInt(Downstream::total)
                .sum();
    }
}
