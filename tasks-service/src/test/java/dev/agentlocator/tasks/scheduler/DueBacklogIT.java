package dev.agentlocator.tasks.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.tasks.Agent;
import dev.agentlocator.testkit.Metrics;
import dev.agentlocator.testkit.ServiceIntegrationTest;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The figure behind the "due tasks not firing" alert: with no scheduler running, a task past its
 * due time shows as the backlog's age, under the name the alerting rules query.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = "agentlocator.tasks.scheduler.enabled=false")
class DueBacklogIT {

    private static final String AGE = "agentlocator_due_tasks_oldest_unfired_age_seconds";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DueScheduler scheduler;

    @Test
    void aDueTaskNobodyFiredIsTheBacklogsAgeUntilItFires() {
        assertThat(scheduler.isRunning()).isFalse();
        assertThat(Metrics.scrape(port).value(AGE)).contains(0.0);

        var owner = Agent.ownerOfNewTenant(port);
        var response = owner.api()
                .post("/api/tasks", """
                {"title":"להתקשר","dueAt":"%s","channel":"call"}""".formatted(OffsetDateTime.now().plusHours(1)));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(Metrics.scrape(port).value(AGE)).as("not due yet").contains(0.0);

        // Moved relative to the database's own clock, which decides what is due.
        jdbc.sql("update task set due_at = now() - interval '90 seconds' where id = ?::uuid")
                .param(response.<String>json("$.id"))
                .update();
        assertThat(Metrics.scrape(port).value(AGE))
                .hasValueSatisfying(age -> assertThat(age).isBetween(90.0, 150.0));

        assertThat(scheduler.fireDue()).isEqualTo(1);
        assertThat(Metrics.scrape(port).value(AGE)).contains(0.0);
    }
}
