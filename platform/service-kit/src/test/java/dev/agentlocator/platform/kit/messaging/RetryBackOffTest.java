package dev.agentlocator.platform.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.backoff.BackOffExecution;

class RetryBackOffTest {

    @Test
    void byDefaultAFailingRecordIsRetriedForAMinuteBeforeItIsDeadLettered() {
        assertThat(waits(Map.of())).containsExactly(1_000L, 2_000L, 4_000L, 8_000L, 15_000L, 15_000L, 15_000L);
    }

    @Test
    void theBudgetIsConfigurable() {
        assertThat(waits(Map.of("agentlocator.messaging.retry.max-elapsed", "10s")))
                .containsExactly(1_000L, 2_000L, 4_000L, 8_000L);
        assertThat(waits(Map.of("agentlocator.messaging.retry.max-elapsed", "0s")))
                .as("no retries at all")
                .isEmpty();
    }

    private static List<Long> waits(Map<String, String> properties) {
        MessagingProperties bound = new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("agentlocator.messaging", MessagingProperties.class);
        BackOffExecution execution =
                MessagingAutoConfiguration.backOff(bound.retry()).start();
        List<Long> waits = new ArrayList<>();
        for (long wait = execution.nextBackOff(); wait != BackOffExecution.STOP; wait = execution.nextBackOff()) {
            waits.add(wait);
        }
        return waits;
    }
}
