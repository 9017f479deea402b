package dev.agentlocator.notification.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.notification.StompTestClient;
import dev.agentlocator.notification.StompTestClient.Connection;
import dev.agentlocator.notification.StompTestClient.Received;
import dev.agentlocator.testkit.Api;
import dev.agentlocator.testkit.ServiceIntegrationTest;
import dev.agentlocator.testkit.ServiceJar;
import dev.agentlocator.testkit.TestJwt;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.test.utils.ContainerTestUtils;

/**
 * The whole due-alert path as a browser sees it: the real gateway jar and the real tasks-service
 * jar run as processes next to this notification-service; the task is created through the gateway
 * and the STOMP clients connect to the gateway's {@code /ws}, so the WebSocket upgrade, the JWT in
 * the CONNECT frame and the user destination are all proxied for real.
 */
@ServiceIntegrationTest
class DueAlertThroughGatewayIT {

    private static ServiceJar tasks;
    private static ServiceJar gateway;

    @LocalServerPort
    int port;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @BeforeEach
    void suiteIsRunning() {
        ContainerTestUtils.waitForAssignment(listeners.getListenerContainer(RealtimeTaskDueListener.LISTENER_ID), 3);
        if (tasks == null) {
            tasks = ServiceJar.of("tasks-service")
                    .database("TASKS_DATABASE_URL")
                    .start();
        }
        if (gateway == null) {
            gateway = ServiceJar.of("gateway")
                    .route("tasks-service", tasks.port())
                    .route("notification-service", port)
                    .start();
        }
    }

    @AfterAll
    static void stopSuite() {
        if (gateway != null) {
            gateway.close();
        }
        if (tasks != null) {
            tasks.close();
        }
    }

    @Test
    void aDueTaskReachesTheAssigneeThroughTheGatewayNeverEarlyAndNobodyElse() throws Exception {
        UUID tenant = UUID.randomUUID();
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        String aliceToken = TestJwt.token(alice, tenant, "agent");
        var aliceTab = StompTestClient.connect(gateway.port(), aliceToken);
        var bobTab = StompTestClient.connect(gateway.port(), TestJwt.token(bob, tenant, "agent"));
        // the same user id in another tenant must not matter
        var otherTenantTab = StompTestClient.connect(gateway.port(), TestJwt.token(alice, UUID.randomUUID(), "agent"));
        Thread.sleep(300); // let the SUBSCRIBE frames land before the task falls due
        try {
            OffsetDateTime dueAt =
                    OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(5).truncatedTo(ChronoUnit.MILLIS);
            var created = Api.at(gateway.port())
                    .withToken(aliceToken)
                    .post(
                            "/api/tasks",
                            "{\"title\":\"להתקשר לרוני\",\"dueAt\":\"%s\",\"channel\":\"call\"}".formatted(dueAt));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String taskId = created.json("$.id");

            // How late it may be is a benchmark's question (bench/tasks, docs/benchmarks.md), not a
            // test's: on a loaded machine any bound here would only measure the machine.
            Received message = aliceTab.received().poll(60, TimeUnit.SECONDS);
            assertThat(message).as("task:due through the gateway").isNotNull();
            assertThat(message.arrivedAt())
                    .as("never before dueAt")
                    .isGreaterThanOrEqualTo(dueAt.toInstant().toEpochMilli());
            assertThat(message.payload())
                    .containsEntry("type", "task:due")
                    .containsEntry("taskId", taskId)
                    .containsEntry("title", "להתקשר לרוני");

            assertThat(bobTab.received().poll(1500, TimeUnit.MILLISECONDS))
                    .as("another agent of the tenant")
                    .isNull();
            assertThat(otherTenantTab.received().poll(100, TimeUnit.MILLISECONDS))
                    .as("the same user id in another tenant")
                    .isNull();
            assertThat(aliceTab.received().poll(100, TimeUnit.MILLISECONDS))
                    .as("fires once")
                    .isNull();
        } finally {
            List.of(aliceTab, bobTab, otherTenantTab).forEach(Connection::close);
        }
    }

    @Test
    void theGatewayRefusesASocketWithoutAValidToken() {
        var refusal = StompTestClient.refused(
                gateway.port(), TestJwt.signedWithWrongKey(UUID.randomUUID(), UUID.randomUUID(), "agent"));
        assertThat(refusal.failure()).as("CONNECT with a forged token").isNotNull();
        assertThat(refusal.errors()).as("an ERROR frame through the gateway").isNotEmpty();
    }
}
