package dev.agentlocator.notification.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.agentlocator.notification.Events;
import dev.agentlocator.notification.StompTestClient;
import dev.agentlocator.notification.StompTestClient.Connection;
import dev.agentlocator.notification.StompTestClient.Received;
import dev.agentlocator.platform.events.CustomerEvent;
import dev.agentlocator.platform.events.WhatsAppEvent;
import dev.agentlocator.testkit.Api;
import dev.agentlocator.testkit.ServiceIntegrationTest;
import dev.agentlocator.testkit.TestJwt;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The bell and the "changed" hints over the real socket, from real Kafka events through PostgreSQL NOTIFY. */
@ServiceIntegrationTest
class LiveFeedIT {

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JsonMapper json;

    @Autowired
    LiveFeed live;

    /**
     * Messages a tab received that an earlier {@link #next} passed over: hints and notifications
     * travel separately and may arrive in either order, so one skipped now may be the one wanted next.
     */
    private final Map<Connection, List<Map<String, Object>>> passedOver = new IdentityHashMap<>();

    /** The first message on the tab that matches, in the order received, whenever it arrived. */
    private Map<String, Object> next(Connection tab, Predicate<Map<String, Object>> wanted) throws Exception {
        List<Map<String, Object>> earlier = passedOver.computeIfAbsent(tab, t -> new ArrayList<>());
        for (var iterator = earlier.iterator(); iterator.hasNext(); ) {
            var message = iterator.next();
            if (wanted.test(message)) {
                iterator.remove();
                return message;
            }
        }
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < until) {
            Received message = tab.received().poll(500, TimeUnit.MILLISECONDS);
            if (message == null) {
                continue;
            }
            if (wanted.test(message.payload())) {
                return message.payload();
            }
            earlier.add(message.payload());
        }
        throw new AssertionError("no such message; received meanwhile: " + earlier);
    }

    private static Predicate<Map<String, Object>> type(String type) {
        return m -> type.equals(m.get("type"));
    }

    /** Everything the tab has received that no {@link #next} took, and whatever arrives within 1.5 s. */
    private List<Map<String, Object>> drain(Connection tab) throws Exception {
        List<Map<String, Object>> messages = new ArrayList<>(passedOver.getOrDefault(tab, List.of()));
        Received message;
        while ((message = tab.received().poll(1500, TimeUnit.MILLISECONDS)) != null) {
            messages.add(message.payload());
        }
        return messages;
    }

    @Test
    @SuppressWarnings("unchecked")
    void theBellRisesOnEveryTabOfTheRecipientAndMarkAllReadClearsItEverywhere() throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(live::listening);
        UUID tenant = UUID.randomUUID();
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        var aliceTab1 = StompTestClient.connect(port, TestJwt.token(alice, tenant, "agent"), StompTestClient.LIVE);
        var aliceTab2 = StompTestClient.connect(port, TestJwt.token(alice, tenant, "agent"), StompTestClient.LIVE);
        var bobTab = StompTestClient.connect(port, TestJwt.token(bob, tenant, "agent"), StompTestClient.LIVE);
        var strangerTab =
                StompTestClient.connect(port, TestJwt.token(alice, UUID.randomUUID(), "agent"), StompTestClient.LIVE);
        Thread.sleep(300); // let the SUBSCRIBE frames land before the event

        UUID customer = UUID.randomUUID();
        Events.send(
                kafka,
                json,
                Events.event(
                        CustomerEvent.CREATED,
                        tenant,
                        customer,
                        OffsetDateTime.parse("2026-11-16T08:00:00Z"),
                        new CustomerEvent.Payload(
                                "דנה כהן", "+972521234567", "lead", "call", null, null, alice.toString(), null, null)));
        long sentAt = System.nanoTime();

        for (Connection tab : List.of(aliceTab1, aliceTab2)) {
            var message = next(tab, type("notification:new"));
            assertThat(message).containsEntry("unreadCount", 1);
            assertThat((Map<String, Object>) message.get("notification"))
                    .containsEntry("title", "ליד חדש משיחה")
                    .containsEntry("link", "/customers/" + customer)
                    .containsEntry("read", false);
            var hint = next(tab, type("timeline:changed"));
            assertThat(hint).containsEntry("customerId", customer.toString());
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sentAt);
        LoggerFactory.getLogger(LiveFeedIT.class).info("Lead event to the bell on both tabs: {} ms", millis);
        // a liveness bound, not a benchmark: the shared CI machine can be many times oversubscribed
        assertThat(millis).as("ms from Kafka to both tabs").isLessThan(15_000);
        assertThat(next(bobTab, type("timeline:changed"))).containsEntry("customerId", customer.toString());

        Events.send(
                kafka,
                json,
                Events.event(
                        WhatsAppEvent.RECEIVED,
                        tenant,
                        customer,
                        OffsetDateTime.parse("2026-11-16T08:01:00Z"),
                        new WhatsAppEvent.Payload(
                                "m-1",
                                "SM1",
                                "inbound",
                                "received",
                                "שלום",
                                "+972521234567",
                                0,
                                null,
                                false,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null)));
        assertThat(next(bobTab, type("whatsapp:changed"))).containsEntry("customerId", customer.toString());
        assertThat(next(
                        aliceTab1,
                        m -> "notification:new".equals(m.get("type"))
                                && Integer.valueOf(2).equals(m.get("unreadCount"))))
                .isNotNull();

        assertThat(Api.at(port)
                        .withToken(TestJwt.token(alice, tenant, "agent"))
                        .post("/api/notifications/read-all", "")
                        .status())
                .isEqualTo(204);
        for (Connection tab : List.of(aliceTab1, aliceTab2)) {
            var read = next(tab, type("notification:read"));
            assertThat(read).containsEntry("unreadCount", 0).containsEntry("all", true);
        }
        assertThat(drain(bobTab)).noneMatch(m -> String.valueOf(m.get("type")).startsWith("notification:"));
        assertThat(drain(strangerTab)).as("another tenant hears nothing").isEmpty();
        for (Connection tab : List.of(aliceTab1, aliceTab2, bobTab, strangerTab)) {
            tab.close();
        }
    }
}
