package dev.agentlocator.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.notification.StompTestClient.Connection;
import dev.agentlocator.platform.events.Topics;
import dev.agentlocator.testkit.Api;
import dev.agentlocator.testkit.ServiceIntegrationTest;
import dev.agentlocator.testkit.ServiceJar;
import dev.agentlocator.testkit.TestJwt;
import dev.agentlocator.testkit.TopicReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.test.utils.ContainerTestUtils;

/**
 * Issue 4's benchmark (run by {@code bench/tasks/run.sh}, never by {@code verify}: the name matches
 * neither *IT nor *Test). The real tasks-service jar runs as its own process against the test
 * kit's PostgreSQL and in-process Kafka; this JVM is notification-service with 200 STOMP clients.
 * 1,000 tasks are all due at the same instant; each client records when its task:due arrives.
 */
@ServiceIntegrationTest
class TaskDueBenchmark {

    static final int SOCKETS = Integer.getInteger("bench.sockets", 200);
    static final int TASKS = Integer.getInteger("bench.tasks", 1000);

    @LocalServerPort
    int port;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void thousandTasksDueInTheSameSecondReachTwoHundredSockets() throws Exception {
        List<Connection> sockets = new ArrayList<>();
        try (var tasksService = ServiceJar.of("tasks-service")
                .database("TASKS_DATABASE_URL")
                .optimised()
                .start()) {
            int tasksPort = tasksService.port();
            ContainerTestUtils.waitForAssignment(listeners.getListenerContainer("notification-realtime"), 3);

            UUID tenant = UUID.randomUUID();
            List<UUID> users = new ArrayList<>();
            for (int i = 0; i < SOCKETS; i++) {
                UUID user = UUID.randomUUID();
                users.add(user);
                sockets.add(StompTestClient.connect(port, TestJwt.token(user, tenant, "agent")));
            }
            Thread.sleep(500);

            // All due at one instant, far enough ahead for the creation burst to finish first. A
            // warm-up round of 200 tasks falls due 8 s earlier, so a just-started JVM's JIT and
            // connection pools do not count against the figures of a service that has been running.
            OffsetDateTime due =
                    OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(25).truncatedTo(ChronoUnit.SECONDS);
            OffsetDateTime warmUp = due.minusSeconds(8);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<Integer>> created = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                var api = Api.at(tasksPort).withToken(TestJwt.token(users.get(i % SOCKETS), tenant, "agent"));
                String body = "{\"title\":\"חימום %d\",\"dueAt\":\"%s\"}".formatted(i, warmUp);
                created.add(pool.submit(() -> api.post("/api/tasks", body).status()));
            }
            for (int i = 0; i < TASKS; i++) {
                UUID assignee = users.get(i % SOCKETS);
                var api = Api.at(tasksPort).withToken(TestJwt.token(assignee, tenant, "agent"));
                String body = "{\"title\":\"משימה %d\",\"dueAt\":\"%s\",\"channel\":\"call\"}".formatted(i, due);
                created.add(pool.submit(() -> api.post("/api/tasks", body).status()));
            }
            for (Future<Integer> status : created) {
                assertThat(status.get()).isEqualTo(201);
            }
            pool.shutdown();
            assertThat(OffsetDateTime.now())
                    .as("all tasks created before they fall due")
                    .isBefore(due);

            List<Long> lateness = new ArrayList<>();
            var seen = new HashSet<String>();
            int duplicates = 0;
            Instant collectUntil = due.toInstant().plusSeconds(30);
            while (lateness.size() < TASKS && Instant.now().isBefore(collectUntil)) {
                for (Connection socket : sockets) {
                    StompTestClient.Received message;
                    while ((message = socket.received().poll()) != null) {
                        long dueMillis = OffsetDateTime.parse(
                                        String.valueOf(message.payload().get("dueAt")))
                                .toInstant()
                                .toEpochMilli();
                        if (dueMillis != due.toInstant().toEpochMilli()) {
                            continue; // warm-up
                        }
                        if (!seen.add(String.valueOf(message.payload().get("taskId")))) {
                            duplicates++;
                            continue;
                        }
                        lateness.add(message.arrivedAt() - dueMillis);
                    }
                }
                Thread.sleep(5);
            }
            long dueAtMillis = due.toInstant().toEpochMilli();
            List<Long> onKafka = TopicReader.awaitRecords(
                            Topics.TASKS_TASK,
                            r -> r.value().contains("\"task.due\"")
                                    && r.value().contains(tenant.toString())
                                    && r.value().contains("\"משימה "),
                            TASKS,
                            Duration.ofSeconds(30))
                    .stream()
                    .map(r -> r.timestamp() - dueAtMillis)
                    .toList();
            writeFigures(lateness, onKafka, duplicates);
            assertThat(duplicates).isZero();
            assertThat(lateness).hasSize(TASKS);
        } finally {
            sockets.forEach(Connection::close);
        }
    }

    private void writeFigures(List<Long> lateness, List<Long> onKafka, int duplicates) throws Exception {
        List<Long> sorted = lateness.stream().sorted().toList();
        List<Long> kafka = onKafka.stream().sorted().toList();
        var out = new StringBuilder();
        out.append("| Figure | Result | Target |\n|---|---|---|\n");
        out.append("| task:due delivered (of %d tasks, %d sockets, %d users) | %d | %d |\n"
                .formatted(TASKS, SOCKETS, SOCKETS, sorted.size(), TASKS));
        out.append("| Duplicates | %d | 0 |\n".formatted(duplicates));
        if (!sorted.isEmpty()) {
            out.append(row("Delivery − dueAt, min", sorted.get(0), ""));
            out.append(row("Delivery − dueAt, p50", percentile(sorted, 0.50), ""));
            out.append(row("Delivery − dueAt, p90", percentile(sorted, 0.90), ""));
            out.append(row("Delivery − dueAt, p99", percentile(sorted, 0.99), "< 1,000 ms"));
            out.append(row("Delivery − dueAt, max", sorted.get(sorted.size() - 1), ""));
        }
        if (!kafka.isEmpty()) {
            out.append(row("of which: task.due on Kafka − dueAt, p50", percentile(kafka, 0.50), ""));
            out.append(row("of which: task.due on Kafka − dueAt, p99", percentile(kafka, 0.99), ""));
        }
        Files.writeString(Path.of("target", "task-due-bench.md"), out.toString());
    }

    private static String row(String name, long millis, String target) {
        return "| %s | %s ms | %s |\n".formatted(name, String.format(Locale.ROOT, "%,d", millis), target);
    }

    private static long percentile(List<Long> sorted, double p) {
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
