package dev.agentlocator.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.systemtests.Suite.Tenant;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * notification-service dies and comes back: a browser's socket (through the gateway, with the
 * SPA's reconnect behaviour) finds it again by itself, gets the alert that fell due while the
 * service was down, and the alerts that fall due after that; not the alert of a task done before
 * the restart.
 */
class NotificationRestartIT {

    private static Suite suite;

    @BeforeAll
    static void suite() {
        suite = Suite.get();
    }

    @Test
    void clientsReconnectAfterARestartAndGetWhatFellDueMeanwhileButNotWhatWasDone() throws Exception {
        Tenant tenant = suite.signUp("reconnect");
        try (var tab = new ReconnectingStompClient(suite.gateway().port(), tenant.token())) {
            Suite.await("the first session", Duration.ofSeconds(20), tab::isConnected);
            Suite.sleep(300); // the SUBSCRIBE frame lands
            String stillOpen = createTaskDueIn(tenant, 3);
            assertThat(taskIdOf(tab.received().poll(20, TimeUnit.SECONDS)))
                    .as("task:due before the restart")
                    .isEqualTo(stillOpen);
            String done = createTaskDueIn(tenant, 3);
            assertThat(taskIdOf(tab.received().poll(20, TimeUnit.SECONDS))).isEqualTo(done);
            var completed = tenant.api(suite).post("/api/tasks/" + done + "/done", "");
            assertThat(completed.status()).as(completed.body()).isEqualTo(200);

            var notification = suite.service("notification-service");
            notification.kill();
            Suite.await("the client to notice", Duration.ofSeconds(30), () -> !tab.isConnected());
            String whileDown = createTaskDueIn(tenant, 2);
            Suite.await(
                    "tasks-service to publish the alert while notification-service is down",
                    Duration.ofSeconds(30),
                    () -> suite.count(
                                    "tasks-service",
                                    "select count(*) from outbox_event where event_type = 'task.due'"
                                            + " and published_at is not null and envelope like ?",
                                    "%" + whileDown + "%")
                            == 1);
            notification.restart();
            Suite.await(
                    "the client to reconnect by itself",
                    Duration.ofSeconds(60),
                    () -> tab.sessions() >= 2 && tab.isConnected());

            List<String> afterRestart = new ArrayList<>();
            Suite.await("the alert that fell due while the service was down", Duration.ofSeconds(30), () -> {
                drain(tab, afterRestart, 200);
                return afterRestart.contains(whileDown);
            });
            drain(tab, afterRestart, 2_000);
            assertThat(afterRestart)
                    .as("once each on the new session: the missed alert, and the earlier one that still stands"
                            + " (the SPA does not show that one again); never the task done before the restart")
                    .containsExactlyInAnyOrder(whileDown, stillOpen);

            String after = createTaskDueIn(tenant, 4);
            Map<String, Object> later = tab.received().poll(30, TimeUnit.SECONDS);
            assertThat(later).as("task:due after the restart, live").isNotNull();
            assertThat(later).containsEntry("type", "task:due").containsEntry("taskId", after);
            assertThat(tab.received().poll(1500, TimeUnit.MILLISECONDS))
                    .as("each alert once")
                    .isNull();
        }
    }

    /** Collects the task ids of the messages that arrive within {@code forMillis}. */
    private static void drain(ReconnectingStompClient tab, List<String> taskIds, long forMillis) {
        long deadline = System.currentTimeMillis() + forMillis;
        for (long left = forMillis; left > 0; left = deadline - System.currentTimeMillis()) {
            Map<String, Object> message;
            try {
                message = tab.received().poll(left, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (message != null) {
                taskIds.add(taskIdOf(message));
            }
        }
    }

    private static String taskIdOf(Map<String, Object> message) {
        assertThat(message).as("a task:due message").isNotNull();
        return (String) message.get("taskId");
    }

    private static String createTaskDueIn(Tenant tenant, int seconds) {
        var dueAt = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(seconds).truncatedTo(ChronoUnit.MILLIS);
        var created = tenant.api(suite)
                .post("/api/tasks", "{\"title\":\"התראה\",\"dueAt\":\"%s\",\"channel\":\"call\"}".formatted(dueAt));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json("$.id");
    }
}
