package dev.agentlocator.billing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.testkit.Api;
import dev.agentlocator.testkit.ServiceIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every billing route that writes, fed what a broken or hostile client sends: malformed JSON, wrong
 * types, invalid enum values, huge bodies, bad ids. Each answer is a 4xx JSON error with a Hebrew
 * message (never a 500), and the tenant's invoices, contracts, settings and outbox are byte for
 * byte what they were.
 */
@ServiceIntegrationTest
class HostileInputIT {

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    BillingFixture fixture;
    UUID tenant;
    Api owner;
    UUID customer;
    String invoice;
    String contract;
    String token;
    String before;

    /** A route that takes a JSON body, and a valid line for building bodies. */
    private record Route(String method, String path, boolean isPublic) {}

    private static final String LINE = "{\"description\": \"שורה\", \"quantity\": 1, \"unitPriceAgorot\": 100}";

    @BeforeEach
    void setUp() {
        fixture = new BillingFixture(port, kafka, json, jdbc);
        tenant = UUID.randomUUID();
        owner = fixture.owner(tenant);
        fixture.businessSettings(tenant, "עסק לבדיקה", 1800);
        customer = fixture.customer(tenant, "לקוח", null);
        invoice = owner.post("/api/invoices", """
                        {"customerId": "%s", "type": "tax_invoice", "lines": [%s]}""".formatted(customer, LINE)).json("$.id");
        contract = owner.post("/api/contracts", """
                        {"customerId": "%s", "title": "הצעה", "lines": [%s]}""".formatted(customer, LINE)).json("$.id");
        String url = owner.post("/api/contracts/" + contract + "/send", null).json("$.signingUrl");
        token = url.substring(url.lastIndexOf('/') + 1);
        before = snapshot();
    }

    @AfterEach
    void nothingWasWritten() {
        assertThat(snapshot()).as("the tenant's rows and events").isEqualTo(before);
    }

    /** Everything the tenant has in billing's database, as text: any write shows as a difference. */
    private String snapshot() {
        return jdbc.sql("""
                        select coalesce((select string_agg(row_to_json(i)::text, ',' order by id) from invoice i
                                         where tenant_id = :tenant), '')
                            || '|' || coalesce((select string_agg(row_to_json(c)::text, ',' order by id) from contract c
                                                where tenant_id = :tenant), '')
                            || '|' || coalesce((select row_to_json(s)::text from billing_settings s
                                                where tenant_id = :tenant), '')
                            || '|' || (select count(*) from outbox_event where tenant_id = :tenant)
                        """).param("tenant", tenant).query(String.class).single();
    }

    private List<Route> bodyRoutes() {
        return List.of(
                new Route("POST", "/api/invoices", false),
                new Route("PATCH", "/api/invoices/" + invoice, false),
                new Route("PUT", "/api/invoices/settings", false),
                new Route("POST", "/api/contracts", false),
                new Route("PATCH", "/api/contracts/" + contract, false),
                new Route("POST", "/api/public/sign/" + token, true));
    }

    /**
     * Public calls come from a fresh client address each, so the signing rate limit never answers
     * instead: the test connects from 127.0.0.1, a trusted proxy as the gateway is, and names the
     * client in X-Forwarded-For as the gateway does.
     */
    private Api client(Route route) {
        if (!route.isPublic()) {
            return owner;
        }
        var r = ThreadLocalRandom.current();
        return Api.at(port).withHeader("X-Forwarded-For", "203.0." + r.nextInt(256) + "." + r.nextInt(1, 255));
    }

    private Api.Response refused(Route route, String body, String contentType, int status) {
        var response = client(route).send(route.method(), route.path(), body, contentType);
        String what = route.method() + " " + route.path() + " "
                + (body == null ? "<none>" : body.substring(0, Math.min(body.length(), 80)));
        assertThat(response.status()).as(what + " → " + response.body()).isEqualTo(status);
        assertThat(response.isJson()).as(what).isTrue();
        assertThat(response.<String>json("$.error")).as(what).matches("[a-z_]+");
        assertThat(response.<String>json("$.message")).as(what).containsPattern("\\p{IsHebrew}");
        return response;
    }

    private Api.Response refused(Route route, String body, int status) {
        return refused(route, body, "application/json", status);
    }

    @Test
    void malformedJsonIs400OnEveryWriteRoute() {
        for (Route route : bodyRoutes()) {
            for (String body : List.of(
                    "{\"customerId\": ",
                    "not json at all",
                    "",
                    "null",
                    "[]",
                    "\"text\"",
                    "42",
                    "{\"title\": \"x\"} trailing",
                    "{\"title\": \"\\ud800\"" /* unterminated, with a lone surrogate */,
                    "{\"lines\": " + "[".repeat(5000) + "]".repeat(5000) + "}")) {
                refused(route, body, 400);
            }
        }
    }

    @Test
    void wrongTypesAre400() {
        String badInvoice = "{\"customerId\": \"%s\", \"type\": \"tax_invoice\", \"lines\": [%s]}";
        List<String> invoiceBodies = new ArrayList<>();
        for (String line : List.of(
                "{\"description\": \"x\", \"quantity\": \"lots\", \"unitPriceAgorot\": 1}",
                "{\"description\": \"x\", \"quantity\": 1, \"unitPriceAgorot\": 1.5}",
                "{\"description\": \"x\", \"quantity\": 1, \"unitPriceAgorot\": true}",
                "{\"description\": \"x\", \"quantity\": 1, \"unitPriceAgorot\": 123456789012345678901234567890}",
                "{\"description\": \"x\", \"quantity\": 1e999999999, \"unitPriceAgorot\": 1}",
                "{\"description\": \"x\", \"quantity\": 1e-999999999, \"unitPriceAgorot\": 1}",
                "{\"description\": \"x\", \"quantity\": {\"n\": 1}, \"unitPriceAgorot\": 1}",
                "{\"description\": {\"he\": \"x\"}, \"quantity\": 1, \"unitPriceAgorot\": 1}",
                "{\"description\": \"x\", \"quantity\": \"NaN\", \"unitPriceAgorot\": 1}",
                "1",
                "\"שורה\"")) {
            invoiceBodies.add(badInvoice.formatted(customer, line));
        }
        invoiceBodies.add("{\"customerId\": 42, \"type\": \"tax_invoice\", \"lines\": [" + LINE + "]}");
        invoiceBodies.add("{\"customerId\": \"not-a-uuid\", \"type\": \"tax_invoice\", \"lines\": [" + LINE + "]}");
        invoiceBodies.add(
                "{\"customerId\": \"%s\", \"type\": [\"tax_invoice\"], \"lines\": [%s]}".formatted(customer, LINE));
        invoiceBodies.add(
                "{\"customerId\": \"%s\", \"type\": \"tax_invoice\", \"lines\": \"many\"}".formatted(customer));
        invoiceBodies.add("{\"customerId\": \"%s\", \"type\": \"tax_invoice\", \"lines\": {\"0\": %s}}"
                .formatted(customer, LINE));
        var routes = bodyRoutes();
        for (String body : invoiceBodies) {
            refused(routes.get(0), body, 400);
        }
        for (String body : List.of(
                "{\"lines\": {\"a\": 1}}",
                "{\"lines\": [{\"description\": \"x\", \"quantity\": 1, \"unitPriceAgorot\": 0.01}]}",
                "{\"customerId\": \"not-a-uuid\"}",
                "{\"customerId\": [\"%s\"]}".formatted(customer),
                "{\"lines\": []}",
                "{\"lines\": [null]}")) {
            refused(routes.get(1), body, 400);
        }
        for (String body : List.of(
                "{\"vatRateBasisPoints\": \"high\"}",
                "{\"vatRateBasisPoints\": 17.5}",
                "{\"vatRateBasisPoints\": 1e12}",
                "{\"vatRateBasisPoints\": null}",
                "{\"vatRateBasisPoints\": 1800, \"businessName\": {\"x\": 1}}",
                "{\"vatRateBasisPoints\": 1800, \"phone\": [\"03\"]}",
                "{\"vatRateBasisPoints\": 1800, \"businessId\": \"12-34\"}")) {
            refused(routes.get(2), body, 400);
        }
        for (String body : List.of(
                "{\"customerId\": \"%s\", \"title\": {\"a\": 1}, \"lines\": [%s]}".formatted(customer, LINE),
                "{\"customerId\": \"%s\", \"title\": [\"x\"], \"lines\": [%s]}".formatted(customer, LINE),
                "{\"customerId\": \"%s\", \"title\": \"x\", \"lines\": 5}".formatted(customer),
                "{\"customerId\": \"%s\", \"title\": \"x\", \"terms\": {\"a\": 1}, \"lines\": [%s]}"
                        .formatted(customer, LINE),
                "{\"customerId\": \"%s\", \"title\": \"   \", \"lines\": [%s]}".formatted(customer, LINE))) {
            refused(routes.get(3), body, 400);
        }
        for (String body : List.of(
                "{\"lines\": 5}",
                "{\"title\": {\"x\": 1}}",
                "{\"title\": \"\"}",
                "{\"title\": \"   \"}",
                "{\"lines\": [{\"description\": \"x\", \"quantity\": 1, \"unitPriceAgorot\": 2.5}]}")) {
            refused(routes.get(4), body, 400);
        }
        for (String body : List.of(
                "{\"signature\": {\"x\": 1}, \"signerName\": \"דנה\"}",
                "{\"signature\": [\"data:image/png;base64,AAAA\"], \"signerName\": \"דנה\"}",
                "{\"signature\": 123, \"signerName\": \"דנה\"}",
                "{\"signature\": \"data:image/png;base64,AAAA\", \"signerName\": {\"he\": \"דנה\"}}",
                "{\"signature\": \"data:image/png;base64,AAAA\"}")) {
            refused(routes.get(5), body, 400);
        }
    }

    @Test
    void invalidEnumValuesAre400() {
        var routes = bodyRoutes();
        for (String type : List.of("bribe", "credit_note", "", "TAX_INVOICE", "tax_invoice ")) {
            var response = refused(
                    routes.get(0),
                    "{\"customerId\": \"%s\", \"type\": \"%s\", \"lines\": [%s]}".formatted(customer, type, LINE),
                    400);
            assertThat(response.<String>json("$.error")).isEqualTo("validation_failed");
            assertThat(response.<String>json("$.details.fields.type")).containsPattern("\\p{IsHebrew}");
            refused(routes.get(1), "{\"type\": \"%s\"}".formatted(type), 400);
        }
    }

    @Test
    void hugeBodiesAreRefusedBeforeTheyAreRead() {
        String huge = "{\"title\": \"" + "א".repeat(700_000) + "\"}"; // 1.4 MB of UTF-8
        for (Route route : bodyRoutes()) {
            var response = refused(route, huge, 413);
            assertThat(response.<String>json("$.error")).isEqualTo("payload_too_large");
        }
        // Within the cap, an oversized field is a validation error naming the field.
        String longText = "ב".repeat(400_000);
        var routes = bodyRoutes();
        var line = refused(
                routes.get(0),
                "{\"customerId\": \"%s\", \"type\": \"tax_invoice\", \"lines\": [{\"description\": \"%s\", \"quantity\": 1, \"unitPriceAgorot\": 1}]}"
                        .formatted(customer, longText),
                400);
        assertThat(line.<String>json("$.details.fields['lines[0].description']"))
                .containsPattern("\\p{IsHebrew}");
        refused(
                routes.get(3),
                "{\"customerId\": \"%s\", \"title\": \"x\", \"terms\": \"%s\", \"lines\": [%s]}"
                        .formatted(customer, longText, LINE),
                400);
        refused(routes.get(4), "{\"title\": \"%s\"}".formatted(longText), 400);
        refused(routes.get(2), "{\"vatRateBasisPoints\": 1800, \"address\": \"%s\"}".formatted(longText), 400);
        var manyLines = new StringBuilder();
        for (int i = 0; i < 101; i++) {
            manyLines.append(i == 0 ? "" : ",").append(LINE);
        }
        refused(
                routes.get(0),
                "{\"customerId\": \"%s\", \"type\": \"tax_invoice\", \"lines\": [%s]}".formatted(customer, manyLines),
                400);
        refused(routes.get(1), "{\"lines\": [%s]}".formatted(manyLines), 400);
    }

    @Test
    void aBodyThatIsNotJsonIs415() {
        for (Route route : bodyRoutes()) {
            refused(route, "customerId=1", "application/x-www-form-urlencoded", 415);
            refused(route, "<invoice/>", "application/xml", 415);
        }
    }

    @Test
    void aBadIdInThePathIs400() {
        for (String path : List.of(
                "PATCH /api/invoices/not-a-uuid",
                "DELETE /api/invoices/not-a-uuid",
                "POST /api/invoices/1/issue",
                "POST /api/invoices/' or 1=1 --/pay",
                "POST /api/invoices/null/credit",
                "POST /api/invoices/x/allocation",
                "PATCH /api/contracts/not-a-uuid",
                "POST /api/contracts/not-a-uuid/send")) {
            String[] parts = path.split(" ", 2);
            var response =
                    owner.send(parts[0], parts[1].replace("'", "%27").replace(" ", "%20"), "{}", "application/json");
            assertThat(response.status()).as(path).isEqualTo(400);
            assertThat(response.<String>json("$.error")).as(path).isEqualTo("invalid_parameter");
            assertThat(response.<String>json("$.message")).containsPattern("\\p{IsHebrew}");
        }
        // The body-less actions ignore a hostile body rather than failing on it.
        var paid = owner.send("POST", "/api/invoices/" + UUID.randomUUID() + "/pay", "{\"number\": 1", null);
        assertThat(paid.status()).isEqualTo(404);
        // Issuing takes an optional body (a tax invoice-receipt's payments): a broken one is a JSON 4xx.
        var issued = owner.send("POST", "/api/invoices/" + UUID.randomUUID() + "/issue", "{\"number\": 1", null);
        assertThat(issued.status()).isEqualTo(415);
        assertThat(issued.<String>json("$.message")).containsPattern("\\p{IsHebrew}");
        var bare = owner.send("POST", "/api/invoices/" + UUID.randomUUID() + "/issue", null, null);
        assertThat(bare.status())
                .as("no body, no content type: issuing a tax invoice")
                .isEqualTo(404);
        var malformed = owner.post("/api/invoices/" + UUID.randomUUID() + "/issue", "{\"payments\": [");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.<String>json("$.error")).isEqualTo("malformed_body");
    }
}
