package dev.agentlocator.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One request through the real gateway is one trace (ADR 0025): creating a customer carries a
 * single trace id from the gateway's access line into crm-service's request, through crm's outbox
 * (stored with the event, sent by the relay as the record's {@code traceparent}) and into
 * timeline-service's consumer, each log line marked with it.
 */
class OneTraceIT {

    private static Suite suite;

    @BeforeAll
    static void suite() {
        suite = Suite.get();
    }

    @Test
    void creatingACustomerIsOneTraceFromTheGatewayThroughTheOutboxToTheTimeline() {
        var tenant = suite.signUp("trace");
        String phone = Business.randomMobile();

        var created = tenant.api(suite).post("/api/crm/customers", """
                {"name":"לקוח במעקב","phone":"%s"}""".formatted(phone));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String traceId = created.header("X-Correlation-Id");
        assertThat(traceId)
                .as("the correlation id the caller gets is the trace id")
                .matches("[0-9a-f]{32}");
        String customerId = created.json("$.id");
        String marker = "[" + traceId + "]";

        // crm-service kept the trace with the event it appended in the request's transaction
        assertThat(suite.count(
                        "crm-service",
                        "select count(*) from outbox_event where event_type = 'customer.created'"
                                + " and envelope like ? and traceparent like ?",
                        "%" + customerId + "%",
                        "00-" + traceId + "-%"))
                .isEqualTo(1);

        Suite.await(
                "timeline-service to handle the customer's creation",
                Duration.ofSeconds(60),
                () -> linesOf("timeline-service", marker).stream()
                        .anyMatch(line -> line.contains("Handled event") && line.contains("customer.created")));

        assertThat(linesOf(suite.gateway().log(), marker))
                .as("the gateway's access line")
                .anyMatch(line -> line.contains("POST /api/crm/customers 201"));
        assertThat(linesOf("crm-service", marker))
                .as("crm-service's request")
                .anyMatch(line -> line.contains("POST /api/crm/customers 201"));
        assertThat(linesOf("crm-service", marker))
                .as("crm-service's outbox relay sending the event")
                .anyMatch(line -> line.contains("Publishing outbox event") && line.contains("customer.created"));
        assertThat(linesOf("timeline-service", marker))
                .as("timeline-service's consumer")
                .anyMatch(line -> line.contains("Handled event") && line.contains("customer.created"));

        // TRACING_LOG_SPANS=true: the spans themselves, as a collector would receive them
        for (Path log : List.of(
                suite.gateway().log(),
                suite.service("crm-service").log(),
                suite.service("timeline-service").log())) {
            assertThat(linesOf(log, traceId))
                    .as("spans of the trace logged in %s", log)
                    .anyMatch(line -> line.contains("LoggingSpanExporter"));
        }
        linesOf(suite.gateway().log(), traceId).forEach(System.out::println);
        linesOf(suite.service("crm-service").log(), traceId).forEach(System.out::println);
        linesOf(suite.service("timeline-service").log(), traceId).forEach(System.out::println);
        System.out.printf("trace %s followed through gateway, crm-service, its relay and timeline-service%n", traceId);
    }

    private static List<String> linesOf(String module, String marker) {
        return linesOf(suite.service(module).log(), marker);
    }

    private static List<String> linesOf(Path log, String marker) {
        try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.contains(marker)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
