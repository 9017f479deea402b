package dev.agentlocator.billing.invoices;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.billing.BillingFixture;
import dev.agentlocator.testkit.Api;
import dev.agentlocator.testkit.MutableClock;
import dev.agentlocator.testkit.ServiceIntegrationTest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The dated Israel Invoices threshold: the law's schedule, the owner's own, and the boundary. */
@ServiceIntegrationTest
@Import(MutableClock.Configuration.class)
class AllocationThresholdsIT {

    /** 10:00 in Israel on the day the 5,000 ₪ threshold came into force. */
    static final Instant JUNE_1 = Instant.parse("2026-06-01T07:00:00Z");

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
        clock.set(JUNE_1);
        fixture = new BillingFixture(port, kafka, json, jdbc);
        tenant = UUID.randomUUID();
        owner = fixture.owner(tenant);
        fixture.businessSettings(tenant, "עסק", 1800);
    }

    private String issue(UUID customer, long subtotalAgorot) {
        String id = owner.post("/api/invoices", """
                {"customerId": "%s", "type": "tax_invoice",
                 "lines": [{"description": "עסקה", "quantity": 1, "unitPriceAgorot": %d}]}
                """.formatted(customer, subtotalAgorot))
                .json("$.id");
        var issued = owner.post("/api/invoices/" + id + "/issue", null);
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        return issued.json("$.allocationStatus");
    }

    @Test
    void exactlyFiveThousandShekelsBeforeVatIsNotAboveTheThresholdOneAgoraMoreIs() {
        UUID business = fixture.customer(tenant, "חברה בע״מ", "123456782");
        assertThat(issue(business, 500_000)).isEqualTo("not_required");
        assertThat(issue(business, 500_001)).isEqualTo("allocated");
    }

    @Test
    void aPrivateCustomerWithoutAVatDealerNumberNeverNeedsOne() {
        UUID person = fixture.customer(tenant, "לקוח פרטי", null);
        assertThat(issue(person, 500_001)).isEqualTo("not_required");
        assertThat(issue(person, 5_000_000)).isEqualTo("not_required");
    }

    @Test
    void theThresholdInForceOnTheIssueDateApplies() {
        UUID business = fixture.customer(tenant, "חברה בע״מ", "123456782");
        clock.set(Instant.parse("2026-05-31T20:59:00Z")); // 23:59 in Israel on 31 May: still 10,000 ₪
        assertThat(issue(business, 600_000)).isEqualTo("not_required");
        assertThat(issue(business, 1_000_001)).isEqualTo("allocated");
        clock.set(Instant.parse("2026-05-31T21:00:00Z")); // midnight in Israel: 1 June, 5,000 ₪
        assertThat(issue(business, 600_000)).isEqualTo("allocated");
        clock.set(Instant.parse("2025-07-01T09:00:00Z")); // 2025: 20,000 ₪
        assertThat(issue(business, 1_999_999)).isEqualTo("not_required");
    }

    @Test
    void theOwnerSetsTheTenantsOwnDatedScheduleAndCanReturnToTheLaws() {
        var law = owner.get("/api/invoices/settings/allocation-thresholds");
        assertThat(law.status()).isEqualTo(200);
        assertThat(law.<Boolean>json("$.customized")).isFalse();
        assertThat(law.<List<String>>json("$.thresholds[*].effectiveFrom"))
                .containsExactly("2024-05-05", "2025-01-01", "2026-01-01", "2026-06-01");
        assertThat(law.<List<Integer>>json("$.thresholds[*].thresholdAgorot"))
                .containsExactly(2_500_000, 2_000_000, 1_000_000, 500_000);

        var own = owner.put("/api/invoices/settings/allocation-thresholds", """
                {"thresholds": [{"effectiveFrom": "2026-01-01", "thresholdAgorot": 100000}]}""");
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.<Boolean>json("$.customized")).isTrue();
        assertThat(own.<List<Integer>>json("$.legalDefault[*].thresholdAgorot")).hasSize(4);
        UUID business = fixture.customer(tenant, "חברה בע״מ", "123456782");
        assertThat(issue(business, 100_001)).isEqualTo("allocated");
        assertThat(issue(business, 100_000)).isEqualTo("not_required");

        var duplicate = owner.put("/api/invoices/settings/allocation-thresholds", """
                {"thresholds": [{"effectiveFrom": "2026-01-01", "thresholdAgorot": 1},
                                {"effectiveFrom": "2026-01-01", "thresholdAgorot": 2}]}""");
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.<String>json("$.error")).isEqualTo("duplicate_effective_date");
        var negative = owner.put("/api/invoices/settings/allocation-thresholds", """
                {"thresholds": [{"effectiveFrom": "2026-01-01", "thresholdAgorot": -1}]}""");
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.<String>json("$.details.fields['thresholds[0].thresholdAgorot']"))
                .isNotBlank();
        // A refused change left the owner's schedule as it was.
        assertThat(owner.get("/api/invoices/settings/allocation-thresholds")
                        .<List<Integer>>json("$.thresholds[*].thresholdAgorot"))
                .containsExactly(100_000);

        assertThat(fixture.as(tenant, "agent")
                        .put("/api/invoices/settings/allocation-thresholds", "{\"thresholds\": []}")
                        .status())
                .isEqualTo(403);
        Api other = fixture.owner(UUID.randomUUID());
        assertThat(other.get("/api/invoices/settings/allocation-thresholds").<Boolean>json("$.customized"))
                .isFalse();

        assertThat(owner.delete("/api/invoices/settings/allocation-thresholds").status())
                .isEqualTo(204);
        assertThat(issue(business, 100_001)).isEqualTo("not_required");
        assertThat(issue(business, 500_001)).isEqualTo("allocated");
    }
}
