package dev.agentlocator.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.testkit.Api;
import dev.agentlocator.testkit.ServiceJar;
import dev.agentlocator.testkit.TestInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One request through the real gateway is one trace (ADR 0025): creating a customer carries a
 * single trace id from the gateway's access line into crm-service's request, through crm's outbox
 * (stored with the event, sent by the relay as the record's {@code traceparent}) and into
 * timeline-service's consumer, each log line marked with it; with {@code TRACING_LOG_SPANS=true}
 * the spans themselves are in the same logs.
 *
 * <p>The three jars it needs, started for it alone with the logging it reads (the kit's relay,
 * consumer and access lines at DEBUG), rather than the whole {@link Suite}.
 */
class OneTraceIT {

    private static final List<String> TRACE_LOGGING = List.of(
            "LOGGING_LEVEL_DEV_AGENTLOCATOR_PLATFORM_KIT_ACCESS",
            "LOGGING_LEVEL_DEV_AGENTLOCATOR_PLATFORM_KIT_OUTBOX",
            "LOGGING_LEVEL_DEV_AGENTLOCATOR_PLATFORM_KIT_MESSAGING");

    private static ServiceJar crm;
    private static ServiceJar timeline;
    private static ServiceJar gateway;

    @BeforeAll
    static void start() {
        TestInfrastructure.embeddedKafka();
        crm = traced(ServiceJar.of("crm-service").database("CRM_DATABASE_URL")).start();
        String crmKeys = "http://127.0.0.1:" + crm.port() + "/.well-known/jwks.json";
        timeline = traced(ServiceJar.of("timeline-service").database("TIMELINE_DATABASE_URL"))
                .env("JWKS_URL", crmKeys)
                // the Suite's timeline may be running on the same broker: a group of its own, so that
                // this instance (whose log is read) gets the customer's event rather than sharing it
                .env("AGENTLOCATOR_TIMELINE_LIVE_GROUP", "timeline-live-one-trace-" + UUID.randomUUID())
                .start();
        gateway = ServiceJar.of("gateway")
                .env("TRACING_LOG_SPANS", "true")
                .env("JWKS_URL", crmKeys)
                .route("crm-service", crm.port())
                .route("timeline-service", timeline.port())
                .start();
    }

    private static ServiceJar.Builder traced(ServiceJar.Builder builder) {
        TRACE_LOGGING.forEach(variable -> builder.env(variable, "DEBUG"));
        return builder.env("TRACING_LOG_SPANS", "true")
                .env("SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE", "3")
                .env("SPRING_DATASOURCE_HIKARI_MINIMUM_IDLE", "1");
    }

    @AfterAll
    static void stop() {
        for (ServiceJar jar : new ServiceJar[] {gateway, timeline, crm}) {
            if (jar != null) {
                jar.close();
            }
        }
    }

    @Test
    void creatingACustomerIsOneTraceFromTheGatewayThroughTheOutboxToTheTimeline() {
        String email = "trace-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        var signup = gateway.api().post("/api/auth/signup", """
                {"businessName":"עסק במעקב","name":"בעלים","email":"%s","password":"a-long-password-1"}""".formatted(email));
        assertThat(signup.status()).as(signup.body()).isIn(200, 201);
        Api owner = gateway.api().withToken(signup.json("$.accessToken"));

        var created = owner.post("/api/crm/customers", """
                {"name":"לקוח במעקב","phone":"%s"}""".formatted(Business.randomMobile()));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String traceId = created.header("X-Correlation-Id");
        assertThat(traceId)
                .as("the correlation id the caller gets is the trace id")
                .matches("[0-9a-f]{32}");
        String customerId = created.json("$.id");
        String marker = "[" + traceId + "]";

        assertThat(storedTraceparent(customerId))
                .as("crm-service kept the trace with the event it appended in the request's transaction")
                .startsWith("00-" + traceId + "-");

        Suite.await(
                "timeline-service to handle the customer's creation",
                Duration.ofSeconds(90),
                () -> linesOf(timeline.log(), marker).stream()
                        .anyMatch(line -> line.contains("Handled event") && line.contains("customer.created")));

        assertThat(linesOf(gateway.log(), marker))
                .as("the gateway's access line")
                .anyMatch(line -> line.contains("POST /api/crm/customers 201"));
        assertThat(linesOf(crm.log(), marker))
                .as("crm-service's request")
                .anyMatch(line -> line.contains("POST /api/crm/customers 201"));
        assertThat(linesOf(crm.log(), marker))
                .as("crm-service's outbox relay sending the event")
                .anyMatch(line -> line.contains("Publishing outbox event") && line.contains("customer.created"));
        assertThat(linesOf(timeline.log(), marker))
                .as("timeline-service's consumer")
                .anyMatch(line -> line.contains("Handled event") && line.contains("customer.created"));

        // TRACING_LOG_SPANS=true: the spans themselves, as a collector would receive them
        Suite.await(
                "the spans of the trace in every log (exported in batches)",
                Duration.ofSeconds(30),
                () -> List.of(gateway.log(), crm.log(), timeline.log()).stream()
                        .allMatch(log ->
                                linesOf(log, traceId).stream().anyMatch(line -> line.contains("LoggingSpanExporter"))));
        for (Path log : List.of(gateway.log(), crm.log(), timeline.log())) {
            linesOf(log, traceId).forEach(System.out::println);
        }
    }

    private static String storedTraceparent(String customerId) {
        var postgres = TestInfrastructure.postgres();
        var props = new Properties();
        props.put("user", postgres.username());
        if (postgres.password() != null) {
            props.put("password", postgres.password());
        }
        try (var c = DriverManager.getConnection(crm.databaseUrl(), props);
                var statement = c.prepareStatement("select traceparent from outbox_event"
                        + " where event_type = 'customer.created' and envelope like ?")) {
            statement.setString(1, "%" + customerId + "%");
            try (var rs = statement.executeQuery()) {
                assertThat(rs.next())
                        .as("the outbox row of the customer's creation")
                        .isTrue();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> linesOf(Path log, String marker) {
        try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.contains(marker)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
