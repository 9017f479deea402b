package dev.agentlocator.platform.kit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.platform.kit.messaging.ProcessedEventPruning;
import dev.agentlocator.testkit.MutableClock;
import dev.agentlocator.testkit.ServiceIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Idempotency marks are kept for the configured retention (35 days) and then deleted. */
@ServiceIntegrationTest
@Import(MutableClock.Configuration.class)
class ProcessedEventPruningIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    ProcessedEventPruning pruning;

    @Test
    void marksOlderThanTheRetentionGoAndYoungerOnesStay() {
        String consumer = "pruning-it-" + UUID.randomUUID();
        UUID expired = mark(consumer, clock.instant().minus(Duration.ofDays(35).plusMinutes(1)));
        UUID kept = mark(consumer, clock.instant().minus(Duration.ofDays(35).minusMinutes(1)));
        UUID recent = mark(consumer, clock.instant().minus(Duration.ofHours(1)));

        assertThat(pruning.prune()).isEqualTo(1);

        assertThat(jdbc.sql("select event_id from processed_event where consumer = ?")
                        .param(consumer)
                        .query(UUID.class)
                        .list())
                .containsExactlyInAnyOrder(kept, recent)
                .doesNotContain(expired);
        assertThat(pruning.prune()).as("nothing left to prune").isZero();
    }

    private UUID mark(String consumer, Instant processedAt) {
        UUID event = UUID.randomUUID();
        jdbc.sql("insert into processed_event (consumer, event_id, processed_at) values (?, ?, ?)")
                .param(consumer)
                .param(event)
                .param(OffsetDateTime.ofInstant(processedAt, ZoneOffset.UTC))
                .update();
        return event;
    }
}
