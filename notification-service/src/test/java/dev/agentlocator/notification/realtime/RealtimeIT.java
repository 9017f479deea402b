package dev.agentlocator.notification.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.agentlocator.notification.StompTestClient;
import dev.agentlocator.notification.StompTestClient.Connection;
import dev.agentlocator.notification.StompTestClient.Received;
import dev.agentlocator.notification.TaskEvents;
import dev.agentlocator.testkit.Api;
import dev.agentlocator.testkit.ServiceIntegrationTest;
import dev.agentlocator.testkit.TestJwt;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.utils.ContainerTestUtils;
import tools.jackson.databind.json.JsonMapper;

@ServiceIntegrationTest
class RealtimeIT {

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JsonMapper json;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    /** The per-instance group starts at the latest offset: it must own its partitions first. */
    @BeforeEach
    void realtimeListenerIsAssigned() {
        ContainerTestUtils.waitForAssignment(listeners.getListenerContainer(RealtimeTaskDueListener.LISTENER_ID), 3);
    }

    @Test
    void taskDueReachesEveryTabOfTheAssigneeWithinASecondAndNobodyElse() throws Exception {
        UUID tenant = UUID.randomUUID();
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        var aliceTab1 = StompTestClient.connect(port, TestJwt.token(alice, tenant, "agent"));
        var aliceTab2 = StompTestClient.connect(port, TestJwt.token(alice, tenant, "agent"));
        var bobTab = StompTestClient.connect(port, TestJwt.token(bob, tenant, "agent"));
        // the same user id in another tenant must not matter
        var otherTenantTab = StompTestClient.connect(port, TestJwt.token(alice, UUID.randomUUID(), "agent"));
        Thread.sleep(300); // let the SUBSCRIBE frames land before the event

        UUID customer = UUID.randomUUID();
        var sent = TaskEvents.due(kafka, json, tenant, alice, customer, "להתקשר לדנה");
        long reachedKafka = sent.metadata().timestamp();

        for (Connection tab : List.of(aliceTab1, aliceTab2)) {
            Received message = tab.received().poll(5, TimeUnit.SECONDS);
            assertThat(message).as("task:due on every open tab").isNotNull();
            assertThat(message.arrivedAt() - reachedKafka).as("ms after Kafka").isLessThan(1000);
            assertThat(message.payload())
                    .containsEntry("type", "task:due")
                    .containsEntry("taskId", sent.event().payload().get("taskId"))
                    .containsEntry("title", "להתקשר לדנה")
                    .containsEntry("customerId", customer.toString())
                    .containsEntry("customerName", "דנה כהן")
                    .containsEntry("customerPhone", "+972501234567")
                    .containsEntry("notificationId", sent.event().id().toString())
                    .containsKey("dueAt");
        }
        assertThat(bobTab.received().poll(1500, TimeUnit.MILLISECONDS))
                .as("another agent")
                .isNull();
        assertThat(otherTenantTab.received().poll(100, TimeUnit.MILLISECONDS))
                .as("another tenant")
                .isNull();
        assertThat(aliceTab1.received()).isEmpty();

        for (Connection tab : List.of(aliceTab1, aliceTab2, bobTab, otherTenantTab)) {
            tab.close();
        }
    }

    @Test
    void aBadTokenCannotConnectAndGetsAStompErrorFrame() {
        UUID user = UUID.randomUUID();
        UUID tenant = UUID.randomUUID();
        for (String token : new String[] {
            null, "not-a-jwt", TestJwt.expired(user, tenant, "agent"), TestJwt.signedWithWrongKey(user, tenant, "agent")
        }) {
            var refusal = StompTestClient.refused(port, token);
            assertThat(refusal.failure()).as("connect with %s", token).isNotNull();
            assertThat(refusal.errors()).as("ERROR frame for %s", token).isNotEmpty();
        }
    }

    @Test
    void aClientCannotSubscribeOutsideItsOwnUserQueues() throws Exception {
        var tab = StompTestClient.connect(port, TestJwt.token(UUID.randomUUID(), UUID.randomUUID(), "agent"));
        tab.session()
                .subscribe(
                        "/queue/task-due-user" + "someone-elses-session",
                        new org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter() {});
        await().atMost(Duration.ofSeconds(5)).until(() -> !tab.session().isConnected());
    }

    @Test
    void theAlertIsStoredInTheAssigneesNotificationCentreOnly() throws Exception {
        UUID tenant = UUID.randomUUID();
        UUID alice = UUID.randomUUID();
        var aliceApi = Api.at(port).withToken(TestJwt.token(alice, tenant, "agent"));
        var bobApi = Api.at(port).withToken(TestJwt.token(UUID.randomUUID(), tenant, "agent"));
        var strangerApi = Api.at(port).withToken(TestJwt.token(alice, UUID.randomUUID(), "agent"));

        var first = TaskEvents.due(kafka, json, tenant, alice, null, "משימה ראשונה");
        TaskEvents.due(kafka, json, tenant, alice, null, "משימה שנייה");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> aliceApi.get("/api/notifications").<Integer>json("$.unreadCount") == 2);
        var inbox = aliceApi.get("/api/notifications");
        assertThat(inbox.<List<String>>json("$.items[*].title"))
                .containsExactlyInAnyOrder("משימה ראשונה", "משימה שנייה");
        assertThat(inbox.<List<String>>json("$.items[*].type")).containsOnly("task:due");
        assertThat(bobApi.get("/api/notifications").<Integer>json("$.unreadCount"))
                .isZero();
        assertThat(strangerApi.get("/api/notifications").<List<Object>>json("$.items"))
                .isEmpty();

        String id = first.event().id().toString();
        assertThat(bobApi.post("/api/notifications/" + id + "/read", "").status())
                .isEqualTo(404);
        assertThat(strangerApi.post("/api/notifications/" + id + "/read", "").status())
                .isEqualTo(404);
        assertThat(aliceApi.post("/api/notifications/" + id + "/read", "").status())
                .isEqualTo(204);
        assertThat(aliceApi.get("/api/notifications").<Integer>json("$.unreadCount"))
                .isEqualTo(1);
        assertThat(aliceApi.post("/api/notifications/read-all", "").status()).isEqualTo(204);
        assertThat(aliceApi.get("/api/notifications").<Integer>json("$.unreadCount"))
                .isZero();
        assertThat(aliceApi.get("/api/notifications?limit=abc").status()).isEqualTo(400);
    }
}
