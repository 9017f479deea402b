package dev.agentlocator.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.systemtests.Suite.Tenant;
import dev.agentlocator.testkit.TestJwt;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

/** A tenant's records made through the gateway, as its people (or the platform admin) make them. */
final class Business {

    /** A drawn signature, as the signing page sends it. */
    static final String SIGNATURE = "data:image/svg+xml;base64,"
            + Base64.getEncoder()
                    .encodeToString(
                            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"120\" height=\"40\"><path d=\"M5 30 L110 8\" stroke=\"#000\"/></svg>"
                                    .getBytes(StandardCharsets.UTF_8));

    private final Suite suite;
    private final Tenant tenant;

    Business(Suite suite, Tenant tenant) {
        this.suite = suite;
        this.tenant = tenant;
    }

    static String randomMobile() {
        return "+97252" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
    }

    /** A new customer's id. */
    String customer(String name, String phone) {
        var created = tenant.api(suite).post("/api/crm/customers", """
                {"name":"%s","phone":"%s"}""".formatted(name, phone));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json("$.id");
    }

    /** A contract for {@code customerId} sent for signature: its id and the one-time signing token. */
    SigningLink contractSentForSignature(String customerId) {
        var api = tenant.api(suite);
        var id = new AtomicReference<String>();
        // billing learns the customer from crm's events
        Suite.await("billing to know the customer", Duration.ofSeconds(60), () -> {
            var contract = api.post("/api/contracts", """
                    {"customerId":"%s","title":"הסכם תיווך","terms":"בלעדיות","lines":[{"description":"עמלה","quantity":1,"unitPriceAgorot":100000}]}""".formatted(customerId));
            if (contract.status() == 201) {
                id.set(contract.json("$.id"));
                return true;
            }
            return false;
        });
        var sent = api.post("/api/contracts/" + id.get() + "/send", null);
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        String url = sent.json("$.signingUrl");
        return new SigningLink(id.get(), url.substring(url.lastIndexOf('/') + 1));
    }

    /** Gives the tenant a Twilio number of its own, as the platform admin does (ADR 0007). */
    String phoneNumber() {
        String number = "+9723555" + (1000 + ThreadLocalRandom.current().nextInt(8999));
        String admin = TestJwt.token(UUID.randomUUID(), tenant.id(), "admin");
        var assigned = suite.viaGateway()
                .withToken(admin)
                .put(
                        "/api/calls/numbers/%2B" + number.substring(1),
                        "{\"tenantId\":\"%s\",\"label\":\"קו ראשי\"}".formatted(tenant.id()));
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        return number;
    }

    /**
     * Starts a WhatsApp conversation with the customer (sandbox: stored, not sent). Nobody wrote
     * yet, so the 24-hour window is closed and {@code text} goes only if the customer wrote first;
     * otherwise the tenant's opening template is sent (ADR 0029).
     */
    void whatsApp(String customerId, String text) {
        // telephony learns the customer from crm's events
        Suite.await("a WhatsApp message to the customer", Duration.ofSeconds(60), () -> {
            var api = tenant.api(suite);
            int status = api.post("/api/customers/" + customerId + "/whatsapp/start", "{\"text\":\"" + text + "\"}")
                    .status();
            return status == 201
                    || (status == 409
                            && api.post("/api/customers/" + customerId + "/whatsapp/start", "{}")
                                            .status()
                                    == 201);
        });
    }

    record SigningLink(String contractId, String token) {}
}
