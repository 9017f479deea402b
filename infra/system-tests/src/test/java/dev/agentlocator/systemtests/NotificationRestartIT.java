package dev.agentlocator.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.systemtests.Suite.Tenant;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * notification-service dies and comes back: a browser's socket (through the gateway, with the
 * SPA's reconnect behaviour) finds it again by itself and gets the task:due alerts that fall due
 * after that.
 */
class NotificationRestartIT {

    private static Suite suite;

    @BeforeAll
    static void suite() {
        suite = Suite.get();
    }

    @Test
    void clientsReconnectAfterARestartAndGetLaterAlerts() throws Exception {
        Tenant tenant = suite.signUp("reconnect");
        try (var tab = new ReconnectingStompClient(suite.gateway().port(), tenant.token())) {
            Suite.await("the first session", Duration.ofSeconds(20), tab::isConnected);
            Suite.sleep(300); // the SUBSCRIBE frame lands
            String before = createTaskDueIn(tenant, 3);
            var first = tab.received().poll(20, TimeUnit.SECONDS);
            assertThat(first).as("task:due before the restart").isNotNull();
            assertThat(first).containsEntry("taskId", before);

            var notification = suite.service("notification-service");
            notification.kill();
            Suite.await("the client to notice", Duration.ofSeconds(30), () -> !tab.isConnected());
            notification.restart();
            Suite.await(
                    "the client to reconnect by itself",
                    Duration.ofSeconds(60),
                    () -> tab.sessions() >= 2 && tab.isConnected());
            // the restarted instance's consumer starts at the latest offset once it has its partitions
            Suite.sleep(3_000);

            String after = createTaskDueIn(tenant, 4);
            Map<String, Object> second = tab.received().poll(30, TimeUnit.SECONDS);
            assertThat(second)
                    .as("task:due after the restart, on the new session")
                    .isNotNull();
            assertThat(second).containsEntry("type", "task:due").containsEntry("taskId", after);
            assertThat(tab.received().poll(1500, TimeUnit.MILLISECONDS))
                    .as("each alert once")
                    .isNull();
        }
    }

    private static String createTaskDueIn(Tenant tenant, int seconds) {
        var dueAt = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(seconds).truncatedTo(ChronoUnit.MILLIS);
        var created = tenant.api(suite)
                .post("/api/tasks", "{\"title\":\"התראה\",\"dueAt\":\"%s\",\"channel\":\"call\"}".formatted(dueAt));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json("$.id");
    }
}
