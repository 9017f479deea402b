package dev.agentlocator.billing.invoices;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.billing.BillingFixture;
import dev.agentlocator.testkit.Api;
import dev.agentlocator.testkit.MutableClock;
import dev.agentlocator.testkit.ServiceIntegrationTest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which threshold applies is decided by the issue date in Israel, told by the service's clock, which
 * this test sets on either side of the law's change on 2026-06-01 (10,000 ₪ before, 5,000 ₪ from
 * then): a wall-clock test could only ever see one side.
 */
@ServiceIntegrationTest
class AllocationThresholdIT {

    /** 2026-05-31 23:30 in Israel (UTC+3). */
    static final Instant LAST_EVENING_OF_MAY = Instant.parse("2026-05-31T20:30:00Z");
    /** 2026-06-01 00:30 in Israel, though still May 31 in UTC. */
    static final Instant FIRST_NIGHT_OF_JUNE = Instant.parse("2026-05-31T21:30:00Z");

    /** A clock the test moves. */
    @TestConfiguration
    static class Time {
        @Bean
        MutableClock clock() {
            return new MutableClock(LAST_EVENING_OF_MAY);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    BillingFixture fixture;
    UUID tenant;
    Api owner;

    @BeforeEach
    void setUp() {
        fixture = new BillingFixture(port, kafka, json, jdbc);
        tenant = UUID.randomUUID();
        owner = fixture.owner(tenant);
    }

    private String draft(UUID customerId, long unitPriceAgorot) {
        var response = owner.post("/api/invoices", """
                {"customerId": "%s", "type": "tax_invoice",
                 "lines": [{"description": "ייעוץ נדל״ן", "quantity": 1, "unitPriceAgorot": %d}]}
                """.formatted(customerId, unitPriceAgorot));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json("$.id");
    }

    private Api.Response issue(String id) {
        var issued = owner.post("/api/invoices/" + id + "/issue", null);
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        return issued;
    }

    @Test
    void theThresholdInForceOnTheIsraeliIssueDateDecides() {
        UUID business = fixture.customer(tenant, "חברה בע״מ", "123456782");

        clock.set(LAST_EVENING_OF_MAY);
        var may = issue(draft(business, 600_000)); // 6,000 ₪ before VAT: under May's 10,000 ₪
        assertThat(may.<String>json("$.allocationStatus")).isEqualTo("not_required");
        assertThat(OffsetDateTime.parse(may.<String>json("$.issuedAt")).toInstant())
                .isEqualTo(LAST_EVENING_OF_MAY);

        clock.set(FIRST_NIGHT_OF_JUNE);
        var june = issue(draft(business, 600_000)); // above June's 5,000 ₪
        assertThat(june.<String>json("$.status")).isEqualTo("issued");
        assertThat(june.<String>json("$.allocationStatus")).isEqualTo("allocated");
        assertThat(OffsetDateTime.parse(june.<String>json("$.issuedAt")).toInstant())
                .isEqualTo(FIRST_NIGHT_OF_JUNE);
    }

    @Test
    void aB2bTaxInvoiceAboveTheThresholdGetsASandboxAllocationNumberPrintedOnThePdf() {
        clock.set(FIRST_NIGHT_OF_JUNE);
        UUID business = fixture.customer(tenant, "חברה בע״מ", "123456782");
        String id = draft(business, 600_000); // 6,000 ₪ before VAT, above the 5,000 ₪ threshold
        var issued = issue(id);
        assertThat(issued.<String>json("$.status")).isEqualTo("issued");
        assertThat(issued.<String>json("$.allocationStatus")).isEqualTo("allocated");
        assertThat(issued.<Boolean>json("$.allocationSandbox")).isTrue();
        String allocation = issued.json("$.allocationNumber");
        assertThat(allocation).matches("\\d{9}");
        String text = BillingFixture.pdfText(
                fixture.getBytes(tenant, "/api/invoices/" + id + "/pdf").body());
        assertThat(text).contains("מספר הקצאה: " + allocation + " (סביבת ניסוי)");
        assertThat(text).as("the Israeli issue date").contains("01/06/2026");

        String below = draft(business, 500_000); // exactly 5,000 ₪ is not above it
        assertThat(issue(below).<String>json("$.allocationStatus")).isEqualTo("not_required");
        UUID privatePerson = fixture.customer(tenant, "לקוח פרטי", null);
        String b2c = draft(privatePerson, 900_000);
        assertThat(issue(b2c).<String>json("$.allocationStatus")).isEqualTo("not_required");
    }
}
