package dev.agentlocator.platform.kit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.testkit.Api;
import dev.agentlocator.testkit.Metrics;
import dev.agentlocator.testkit.MutableClock;
import dev.agentlocator.testkit.ServiceIntegrationTest;
import dev.agentlocator.testkit.TestJwt;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The figures the alerting rules and dashboards read (infra/observability), under the names they
 * query. The relay is off so that an event stays unpublished for as long as the test needs.
 */
@ServiceIntegrationTest
@Import(MutableClock.Configuration.class)
@TestPropertySource(properties = "agentlocator.outbox.relay-enabled=false")
class OperationalMetricsIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Test
    void theOutboxBacklogIsTheAgeOfItsOldestWaitingEventAndParkedOnesAreCountedApart() {
        assertThat(Metrics.scrape(port).value("agentlocator_outbox_oldest_unpublished_age_seconds"))
                .contains(0.0);

        UUID oldest = insertEvent(clock.instant().minus(Duration.ofSeconds(90)));
        insertEvent(clock.instant().minus(Duration.ofSeconds(30)));
        assertThat(Metrics.scrape(port).value("agentlocator_outbox_oldest_unpublished_age_seconds"))
                .contains(90.0);

        clock.advance(Duration.ofSeconds(15));
        assertThat(Metrics.scrape(port).value("agentlocator_outbox_oldest_unpublished_age_seconds"))
                .contains(105.0);

        jdbc.sql("update outbox_event set parked_at = now(), park_reason = 'too large' where id = ?")
                .param(oldest)
                .update();
        var metrics = Metrics.scrape(port);
        assertThat(metrics.value("agentlocator_outbox_oldest_unpublished_age_seconds"))
                .as("a parked event no longer holds the backlog's age")
                .contains(45.0);
        assertThat(metrics.value("agentlocator_outbox_parked_events")).contains(1.0);
    }

    @Test
    void requestLatencyIsAHistogramThatAggregatesAcrossInstances() {
        var api = Api.at(port).withToken(TestJwt.token(UUID.randomUUID(), UUID.randomUUID(), "agent"));
        assertThat(api.get("/test/me").status()).isEqualTo(200);

        var metrics = Metrics.scrape(port);
        assertThat(metrics.value("http_server_requests_seconds_bucket", "uri", "/test/me", "le", "+Inf"))
                .hasValueSatisfying(count -> assertThat(count).isGreaterThanOrEqualTo(1.0));
    }

    private UUID insertEvent(Instant createdAt) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into outbox_event (id, topic, event_key, event_type, tenant_id, envelope, created_at)
                        values (?, 'notes.v1', 'k', 'note.created', ?, '{}', ?)
                        """)
                .params(id, UUID.randomUUID(), OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC))
                .update();
        return id;
    }
}
