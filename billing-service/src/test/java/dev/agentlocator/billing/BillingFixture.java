package dev.agentlocator.billing;

import dev.agentlocator.platform.events.EventEnvelope;
import dev.agentlocator.platform.events.TenantEvent;
import dev.agentlocator.platform.events.Topics;
import dev.agentlocator.platform.kit.features.Features;
import dev.agentlocator.testkit.Api;
import dev.agentlocator.testkit.TestJwt;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * What billing's integration tests share: callers of a tenant, customers that arrive the way
 * production's do (as crm-service events on Kafka), and reading PDFs back as text.
 */
public final class BillingFixture {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int port;
    private final KafkaTemplate<String, String> kafka;
    private final JsonMapper json;
    private final JdbcClient jdbc;

    public BillingFixture(int port, KafkaTemplate<String, String> kafka, JsonMapper json, JdbcClient jdbc) {
        this.port = port;
        this.kafka = kafka;
        this.json = json;
        this.jdbc = jdbc;
    }

    public Api as(UUID tenantId, String role) {
        return Api.at(port).withToken(TestJwt.token(UUID.randomUUID(), tenantId, role));
    }

    public Api owner(UUID tenantId) {
        return as(tenantId, "owner");
    }

    /** A customer created in crm-service, as billing learns of it: a {@code customer.created} event. */
    public UUID customer(UUID tenantId, String name, String vatId) {
        UUID id = UUID.randomUUID();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("name", name);
        payload.put("phone", "+972501234567");
        payload.put("status", "new");
        payload.put("source", "manual");
        if (vatId != null) {
            payload.put("vatId", vatId);
        }
        var event = EventEnvelope.create("customer.created", tenantId, id, "test", payload);
        kafka.send(Topics.CRM_CUSTOMER, event.partitionKey(), json.writeValueAsString(event))
                .join();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            boolean known = jdbc.sql("select count(*) from customer where tenant_id = ? and id = ?")
                            .param(tenantId)
                            .param(id)
                            .query(Long.class)
                            .single()
                    == 1;
            if (known) {
                return id;
            }
            sleep(100);
        }
        throw new AssertionError("Customer " + id + " never reached billing's read model");
    }

    /** crm-service switching features of a tenant, as it does: a full flag set on the tenant topic. */
    public void features(UUID tenantId, Map<String, Boolean> changes) {
        Map<String, Boolean> flags = new LinkedHashMap<>(Features.allEnabled());
        flags.putAll(changes);
        var event =
                EventEnvelope.of(TenantEvent.FEATURES_CHANGED, tenantId, null, "test", new TenantEvent.Payload(flags));
        kafka.send(Topics.CRM_TENANT, tenantId.toString(), json.writeValueAsString(event))
                .join();
    }

    /** Polls {@code check} until it holds: the tenant's flags arrive asynchronously. */
    public static void await(java.util.function.BooleanSupplier check) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!check.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Condition not met within 30 s");
            }
            sleep(100);
        }
    }

    public void businessSettings(UUID tenantId, String name, int vatBasisPoints) {
        var response = owner(tenantId).put("/api/invoices/settings", """
                        {"vatRateBasisPoints": %d, "businessName": "%s", "businessId": "514000009",
                         "address": "רחוב הרצל 1, תל אביב", "phone": "03-1234567"}
                        """.formatted(vatBasisPoints, name));
        if (response.status() != 200) {
            throw new AssertionError("Settings not saved: " + response.body());
        }
    }

    public HttpResponse<byte[]> getBytes(UUID tenantId, String path) {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + TestJwt.token(UUID.randomUUID(), tenantId, "owner"))
                .GET()
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The text a reader of the PDF gets, as PDFBox's bidi-aware stripper extracts it. */
    public static String pdfText(byte[] pdf) {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
