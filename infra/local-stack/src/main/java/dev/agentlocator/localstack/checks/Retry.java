package dev.agentlocator.localstack.checks;

import dev.agentlocator.testkit.Api;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Sends a request again, for a bounded time, while its answer means "not yet" rather than "no": a
 * 503 while the gateway has not yet picked up a service, or a refusal while a service has not yet
 * heard of a customer from crm's events.
 */
final class Retry {

    /** Waits between attempts; {@link Thread#sleep} outside tests. */
    interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    /** What the last attempt answered, and whether time ran out while it still meant "not yet". */
    record Outcome(Api.Response response, boolean gaveUp, Duration patience) {

        /** For an error message: the status and what came back, and how long it was tried. */
        String describe() {
            String body = response.body() == null
                    ? ""
                    : response.body().replaceAll("\\s+", " ").trim();
            String shown = body.length() > 200 ? body.substring(0, 200) + "…" : body;
            return "HTTP " + response.status() + (shown.isEmpty() ? "" : " " + shown)
                    + (gaveUp ? " (still so after " + patience.toSeconds() + " s of retries)" : "");
        }
    }

    private final Duration patience;
    private final Duration interval;
    private final Clock clock;
    private final Pause pause;

    Retry(Duration patience, Duration interval, Clock clock, Pause pause) {
        this.patience = patience;
        this.interval = interval;
        this.clock = clock;
        this.pause = pause;
    }

    /** A minute, asking twice a second: long enough for the registry caches and for crm's events to arrive. */
    static Retry standard() {
        return new Retry(
                Duration.ofSeconds(60), Duration.ofMillis(500), Clock.systemUTC(), d -> Thread.sleep(d.toMillis()));
    }

    /** Only a 503: the gateway does not route to the service (yet). */
    static boolean notRouted(Api.Response response) {
        return response.status() == 503;
    }

    /** The last answer: the first that is not {@code notYet}, or the one at hand when time ran out. */
    Outcome until(Supplier<Api.Response> request, Predicate<Api.Response> notYet) {
        Instant deadline = clock.instant().plus(patience);
        Api.Response response = request.get();
        while (notYet.test(response)) {
            if (!clock.instant().isBefore(deadline)) {
                return new Outcome(response, true, patience);
            }
            try {
                pause.pause(interval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            response = request.get();
        }
        return new Outcome(response, false, patience);
    }
}
