package dev.agentlocator.notification;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * How late after its due time an alert reached the agent, per channel: the figure of the due-alert
 * SLO (within a second) and of its alert. A histogram with buckets around that second, so that
 * every instance's figures add up to one distribution. Only an alert sent as it fires counts; one
 * shown to a tab that opened minutes later is late because nobody was there, not because we were.
 */
@Component
public class DueAlertLateness {

    static final String NAME = "agentlocator.due.alert.lateness";

    public enum Channel {
        SOCKET,
        PUSH
    }

    private static final Duration[] BUCKETS = {
        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30),
        Duration.ofSeconds(60)
    };

    private final Clock clock;
    private final Map<Channel, Timer> timers = new EnumMap<>(Channel.class);

    public DueAlertLateness(Clock clock, MeterRegistry meters) {
        this.clock = clock;
        for (Channel channel : Channel.values()) {
            timers.put(
                    channel,
                    Timer.builder(NAME)
                            .description("time from a task's due time to its alert being sent")
                            .tag("channel", channel.name().toLowerCase(Locale.ROOT))
                            .serviceLevelObjectives(BUCKETS)
                            .register(meters));
        }
    }

    /** The alert went out now on {@code channel}; an alert without a due time is not measured. */
    public void sent(Channel channel, TaskDueAlert alert) {
        if (alert.dueAt() == null) {
            return;
        }
        Duration late = Duration.between(alert.dueAt().toInstant(), clock.instant());
        timers.get(channel).record(late.isNegative() ? Duration.ZERO : late);
    }
}
