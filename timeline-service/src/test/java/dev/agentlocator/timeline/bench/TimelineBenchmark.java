package dev.agentlocator.timeline.bench;

import static dev.agentlocator.timeline.Events.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.agentlocator.platform.events.EventEnvelope;
import dev.agentlocator.testkit.Api;
import dev.agentlocator.testkit.ServiceIntegrationTest;
import dev.agentlocator.testkit.TestJwt;
import dev.agentlocator.timeline.Events;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The timeline's three figures (issue 7), against the real broker and database: event-to-API
 * visibility lag under steady load, first-page latency for a customer with 10,000 events, and
 * replay speed. Not a {@code *IT}, so {@code verify} never runs it; {@code bench/timeline/run.sh}
 * does, and puts the figures into docs/benchmarks.md. It asserts nothing about speed.
 */
@Tag("bench")
@ServiceIntegrationTest
class TimelineBenchmark {

    private static final int LAG_EVENTS = Integer.getInteger("bench.lagEvents", 400);
    private static final int LAG_RATE = Integer.getInteger("bench.lagRate", 20);
    private static final int BIG_CUSTOMER_EVENTS = Integer.getInteger("bench.bigCustomerEvents", 10_000);
    private static final int PAGE_REQUESTS = Integer.getInteger("bench.pageRequests", 1_000);
    private static final String[] TYPES = {
        "call.completed", "whatsapp.received", "task.created", "invoice.issued", "contract.signed", "customer.updated"
    };

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Test
    void measure() throws Exception {
        var events = new Events(kafka, json);
        UUID tenant = UUID.randomUUID();
        Api api = Api.at(port).withToken(TestJwt.token(UUID.randomUUID(), tenant, "agent"));

        long[] lag = lag(events, tenant, api);
        FirstPages pages = firstPage(events, tenant, api);
        long[] page = pages.projection();
        long[] fanOut = pages.fanOut();
        Replay replay = replay();

        String figures = String.join(
                "\n",
                "| Figure | Result | Target |",
                "|---|---|---|",
                "| Event → timeline API visibility lag, p50 (%d events at %d/s, one customer each) | %s ms | |"
                        .formatted(LAG_EVENTS, LAG_RATE, millis(percentile(lag, 0.50))),
                "| Event → timeline API visibility lag, p99 | %s ms | < 1,000 ms |"
                        .formatted(millis(percentile(lag, 0.99))),
                "| First page (100 items) for a customer with %,d events, p50 (%,d requests over HTTP) | %s ms | |"
                        .formatted(BIG_CUSTOMER_EVENTS, PAGE_REQUESTS, millis(percentile(page, 0.50))),
                "| First page, p99 | %s ms | < 20 ms |".formatted(millis(percentile(page, 0.99))),
                "| The original design, fan-out at read time to %d source services (same data), first page p50 | %s ms | |"
                        .formatted(pages.sources(), millis(percentile(fanOut, 0.50))),
                "| Fan-out first page, p99 | %s ms | |".formatted(millis(percentile(fanOut, 0.99))),
                "| Fan-out / projection, p50 and p99 | %.1f× and %.1f× | |"
                        .formatted(
                                (double) percentile(fanOut, 0.50) / percentile(page, 0.50),
                                (double) percentile(fanOut, 0.99) / percentile(page, 0.99)),
                "| Replay (rebuild) of %,d records from the six topics | %,d events/s (%.1f s) | |"
                        .formatted(replay.records(), Math.round(replay.records() / replay.seconds()), replay.seconds()),
                "");
        System.out.println("TIMELINE BENCH\n" + figures);
        Path out = Path.of("target", "timeline-bench.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, figures, StandardCharsets.UTF_8);
    }

    /**
     * A producer sends at a fixed rate, each event about a fresh customer, and records when Kafka
     * acknowledged it (the moment an outbox relay would mark it published); a poller asks the API
     * until the event is there.
     */
    private long[] lag(Events events, UUID tenant, Api api) throws InterruptedException {
        int warmUp = 50;
        List<Long> lags = new ArrayList<>();
        long interval = 1_000_000_000L / LAG_RATE;
        long next = System.nanoTime();
        for (int i = 0; i < warmUp + LAG_EVENTS; i++) {
            while (System.nanoTime() < next) {
                Thread.onSpinWait();
            }
            next += interval;
            UUID customer = UUID.randomUUID();
            EventEnvelope e = event(
                    "call.completed",
                    tenant,
                    customer,
                    OffsetDateTime.now(),
                    Map.of("callSid", "CA" + i, "answeredBy", "ai", "durationSeconds", 30));
            long sent = System.nanoTime();
            events.send(e);
            long committed = System.nanoTime();
            // Poll until visible; the producer's next slot waits, which keeps one event in flight.
            while (true) {
                var response = api.get("/api/customers/" + customer + "/timeline?limit=1");
                if (response.status() == 200) {
                    break;
                }
                if (System.nanoTime() - sent > Duration.ofSeconds(30).toNanos()) {
                    throw new AssertionError("Event " + e.id() + " never became visible");
                }
                Thread.sleep(1);
            }
            if (i >= warmUp) {
                lags.add(System.nanoTime() - committed);
            }
            next = Math.max(next, System.nanoTime());
        }
        return lags.stream().mapToLong(Long::longValue).toArray();
    }

    private record FirstPages(long[] projection, long[] fanOut, int sources) {}

    private FirstPages firstPage(Events events, UUID tenant, Api api) throws Exception {
        UUID customer = UUID.randomUUID();
        OffsetDateTime start = OffsetDateTime.now().minusDays(30);
        List<EventEnvelope> batch = new ArrayList<>();
        for (int i = 0; i < BIG_CUSTOMER_EVENTS; i++) {
            String type = TYPES[i % TYPES.length];
            batch.add(event(
                    type,
                    tenant,
                    customer,
                    start.plusSeconds(i * 60L),
                    Map.of(
                            "callSid",
                            "CA" + i,
                            "taskId",
                            UUID.randomUUID().toString(),
                            "title",
                            "משימה מספר " + i,
                            "invoiceId",
                            UUID.randomUUID().toString(),
                            "number",
                            Integer.toString(1000 + i),
                            "type",
                            "tax_invoice",
                            "totalAgorot",
                            118000,
                            "vatAgorot",
                            18000,
                            "text",
                            "שלום, אשמח לשמוע פרטים נוספים על הדירה")));
        }
        events.sendAll(batch);
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> jdbc.sql("select count(*) from timeline_entry where customer_id = ?")
                                .param(customer)
                                .query(Long.class)
                                .single()
                        == BIG_CUSTOMER_EVENTS);
        String path = "/api/customers/" + customer + "/timeline";
        for (int i = 0; i < 200; i++) {
            assertThat(api.get(path).status()).isEqualTo(200);
        }
        long[] times = new long[PAGE_REQUESTS];
        for (int i = 0; i < PAGE_REQUESTS; i++) {
            long t = System.nanoTime();
            var response = api.get(path);
            times[i] = System.nanoTime() - t;
            assertThat(response.status()).isEqualTo(200);
        }
        assertThat(api.get(path).<List<Object>>json("$.items")).hasSize(100);

        try (var fanOut = new FanOutTimeline(json)) {
            fanOut.start(jdbc, tenant, customer);
            var direct = Api.at(fanOut.pageUrl(tenant, customer));
            var first = direct.get("");
            assertThat(first.status()).as(first.body()).isEqualTo(200);
            assertThat(first.<List<String>>json("$.items[*].title"))
                    .as("the same first page as the projection")
                    .isEqualTo(api.get(path).<List<String>>json("$.items[*].title"));
            for (int i = 0; i < 200; i++) {
                assertThat(direct.get("").status()).isEqualTo(200);
            }
            long[] fanOutTimes = new long[PAGE_REQUESTS];
            for (int i = 0; i < PAGE_REQUESTS; i++) {
                long t = System.nanoTime();
                var response = direct.get("");
                fanOutTimes[i] = System.nanoTime() - t;
                assertThat(response.status()).isEqualTo(200);
            }
            return new FirstPages(times, fanOutTimes, fanOut.sources());
        }
    }

    private Replay replay() {
        var admin = Api.at(port).withToken(TestJwt.token(UUID.randomUUID(), UUID.randomUUID(), "admin"));
        assertThat(admin.post("/api/admin/rebuild", "{}").status()).isEqualTo(202);
        await().atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> admin.get("/api/admin/rebuild").<String>json("$.state"), s -> !"running".equals(s));
        var status = admin.get("/api/admin/rebuild");
        assertThat(status.<String>json("$.state")).isEqualTo("finished");
        double seconds = Duration.between(
                                OffsetDateTime.parse(status.json("$.startedAt")),
                                OffsetDateTime.parse(status.json("$.finishedAt")))
                        .toMillis()
                / 1000.0;
        return new Replay(((Number) status.json("$.eventsRead")).longValue(), seconds);
    }

    private record Replay(long records, double seconds) {}

    private static long percentile(long[] values, double p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }

    private static String millis(long nanos) {
        return String.format("%.1f", nanos / 1e6);
    }
}
