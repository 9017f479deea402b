package dev.agentlocator.localstack.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.testkit.Api;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetryTest {

    /** A clock that only moves when the retry pauses. */
    private static final class PausedTime extends Clock {
        private Instant now = Instant.parse("2027-03-07T10:00:00Z");
        private final List<Duration> pauses = new ArrayList<>();

        void pause(Duration duration) {
            pauses.add(duration);
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    private final PausedTime time = new PausedTime();
    private final Retry retry = new Retry(Duration.ofSeconds(60), Duration.ofMillis(500), time, time::pause);

    private static Api.Response answer(int status, String body) {
        return new Api.Response(status, body, Map.of());
    }

    @Test
    void asksAgainWhileTheGatewayAnswers503AndReturnsTheFirstRealAnswer() {
        Deque<Api.Response> answers = new ArrayDeque<>(List.of(
                answer(503, "{\"error\":\"service_unavailable\"}"),
                answer(503, "{\"error\":\"service_unavailable\"}"),
                answer(201, "{\"id\":\"t1\"}")));

        Retry.Outcome outcome = retry.until(answers::pop, Retry::notRouted);

        assertThat(outcome.response().status()).isEqualTo(201);
        assertThat(outcome.gaveUp()).isFalse();
        assertThat(time.pauses).containsExactly(Duration.ofMillis(500), Duration.ofMillis(500));
    }

    @Test
    void aRealRefusalIsNotAskedAgain() {
        Deque<Api.Response> answers = new ArrayDeque<>(List.of(answer(400, "{\"error\":\"validation_failed\"}")));

        Retry.Outcome outcome = retry.until(answers::pop, Retry::notRouted);

        assertThat(outcome.response().status()).isEqualTo(400);
        assertThat(outcome.gaveUp()).isFalse();
        assertThat(time.pauses).isEmpty();
    }

    @Test
    void givesUpAfterItsPatienceAndSaysSo() {
        int[] asked = {0};

        Retry.Outcome outcome = retry.until(
                () -> {
                    asked[0]++;
                    return answer(503, "{\"error\":\"service_unavailable\"}");
                },
                Retry::notRouted);

        assertThat(outcome.gaveUp()).isTrue();
        assertThat(asked[0]).isEqualTo(121); // at once, then every 500 ms for 60 s
        assertThat(outcome.describe())
                .isEqualTo("HTTP 503 {\"error\":\"service_unavailable\"} (still so after 60 s of retries)");
    }
}
