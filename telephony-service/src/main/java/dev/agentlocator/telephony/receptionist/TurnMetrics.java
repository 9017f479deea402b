package dev.agentlocator.telephony.receptionist;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The receptionist's SLO figures (docs/operations.md): how long a turn took from Twilio's webhook to
 * our TwiML, by outcome, as a histogram with buckets around Twilio's 15-second limit; and how many
 * turns ended in the fallback prompt or goodbye instead of a reply, by why.
 */
@Component
class TurnMetrics {

    static final String TURN = "agentlocator.receptionist.turn";
    static final String FALLBACKS = "agentlocator.receptionist.fallbacks";

    private static final Duration[] BUCKETS = {
        Duration.ofSeconds(1),
        Duration.ofSeconds(2),
        Duration.ofSeconds(3),
        Duration.ofSeconds(5),
        Duration.ofSeconds(8),
        Duration.ofSeconds(11),
        Duration.ofSeconds(15)
    };

    private final MeterRegistry meters;

    TurnMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void finished(String outcome, Duration elapsed) {
        Timer.builder(TURN)
                .description("one receptionist turn, from the recording webhook to the TwiML answer")
                .tag("outcome", outcome)
                .serviceLevelObjectives(BUCKETS)
                .register(meters)
                .record(elapsed);
        if (!TurnRepository.isAnswered(outcome)) {
            Counter.builder(FALLBACKS)
                    .description("turns answered with the fallback prompt or goodbye instead of a reply")
                    .tag("reason", outcome)
                    .register(meters)
                    .increment();
        }
    }
}
