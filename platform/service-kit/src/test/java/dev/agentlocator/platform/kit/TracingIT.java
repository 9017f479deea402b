package dev.agentlocator.platform.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.agentlocator.platform.kit.testapp.NoteService;
import dev.agentlocator.platform.kit.testapp.SpanCollector;
import dev.agentlocator.testkit.Api;
import dev.agentlocator.testkit.ServiceIntegrationTest;
import dev.agentlocator.testkit.TestJwt;
import dev.agentlocator.testkit.TopicReader;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One trace from a request through the outbox and Kafka to a consumer (ADR 0025): the request's
 * trace context is stored with the event, the relay publishes it in a producer span as the record's
 * {@code traceparent}, and the consumer's span is that span's child, with the same trace id on its
 * log lines and in its correlation id.
 */
@ServiceIntegrationTest
class TracingIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    NoteService notes;

    @Autowired
    Tracer tracer;

    @Autowired
    SpanCollector spans;

    private final UUID tenant = UUID.randomUUID();

    @Test
    void aRequestsTraceContinuesThroughTheOutboxIntoTheConsumer() {
        String traceId = randomHex(16);
        String callerSpanId = randomHex(8);
        String text = "traced " + UUID.randomUUID();

        var response = Api.at(port)
                .withToken(TestJwt.token(UUID.randomUUID(), tenant, "agent"))
                .withHeader("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
                .post("/test/notes", "{\"text\":\"" + text + "\"}");

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.header("X-Correlation-Id"))
                .as("the correlation id is the trace id")
                .isEqualTo(traceId);
        String noteId = response.json("$.id");

        String stored = jdbc.sql("select traceparent from outbox_event where tenant_id = ?")
                .param(tenant)
                .query(String.class)
                .single();
        assertThat(stored).matches("00-" + traceId + "-[0-9a-f]{16}-01");
        String appendingSpanId = stored.split("-")[2];

        ConsumerRecord<String, String> record =
                TopicReader.awaitRecord(NoteService.TOPIC, r -> r.value().contains(noteId), Duration.ofSeconds(30));
        String sent = header(record, "traceparent");
        assertThat(sent).matches("00-" + traceId + "-[0-9a-f]{16}-01");
        String producerSpanId = sent.split("-")[2];
        assertThat(producerSpanId).isNotEqualTo(appendingSpanId);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(correlationOfHandled(text)).contains(traceId));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(kind(traceId, SpanKind.CONSUMER)).isPresent());
        SpanData server = kind(traceId, SpanKind.SERVER).orElseThrow();
        SpanData producer = kind(traceId, SpanKind.PRODUCER).orElseThrow();
        SpanData consumer = kind(traceId, SpanKind.CONSUMER).orElseThrow();
        assertThat(server.getParentSpanId())
                .as("the caller's span is the request's parent")
                .isEqualTo(callerSpanId);
        assertThat(producer.getName()).isEqualTo("outbox publish");
        assertThat(producer.getSpanId()).isEqualTo(producerSpanId);
        assertThat(producer.getParentSpanId())
                .as("the relay's span is a child of the span the event was appended in")
                .isEqualTo(appendingSpanId);
        assertThat(consumer.getParentSpanId())
                .as("the consumer's span is a child of the relay's")
                .isEqualTo(producerSpanId);
    }

    @Test
    void anEventAppendedInAnyOtherSpanCarriesThatSpansTrace() {
        String text = "scheduled " + UUID.randomUUID();
        Span job = tracer.nextSpan().name("a scheduled job").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(job)) {
            notes.create(tenant, text);
        } finally {
            job.end();
        }
        String traceId = job.context().traceId();

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(correlationOfHandled(text)).contains(traceId));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(kind(traceId, SpanKind.CONSUMER)).isPresent());
        assertThat(kind(traceId, SpanKind.PRODUCER).orElseThrow().getParentSpanId())
                .isEqualTo(job.context().spanId());
    }

    @Test
    void anEventAppendedOutsideAnyTraceStartsOneAtTheRelay() {
        String text = "untraced " + UUID.randomUUID();
        notes.create(tenant, text);

        assertThat(jdbc.sql("select count(*) from outbox_event where tenant_id = ? and traceparent is null")
                        .param(tenant)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(correlationOfHandled(text)).isPresent());
    }

    private Optional<String> correlationOfHandled(String text) {
        List<String> found = jdbc.sql("select coalesce(correlation_id, '') from handled_note where text = ?")
                .param(text)
                .query(String.class)
                .list();
        return found.stream().findFirst();
    }

    private Optional<SpanData> kind(String traceId, SpanKind kind) {
        return spans.ofTrace(traceId).stream().filter(s -> s.getKind() == kind).findFirst();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1; // never all zero, which W3C forbids
        return HexFormat.of().formatHex(random);
    }
}
