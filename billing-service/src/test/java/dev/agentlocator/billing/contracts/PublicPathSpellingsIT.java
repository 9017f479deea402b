package dev.agentlocator.billing.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.billing.BillingFixture;
import dev.agentlocator.testkit.Api;
import dev.agentlocator.testkit.PathSpellings;
import dev.agentlocator.testkit.PathSpellings.Spelling;
import dev.agentlocator.testkit.ServiceIntegrationTest;
import dev.agentlocator.testkit.WithoutCanonicalPathFilter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 16, item 1, straight to the service (no gateway in front): every spelling of a signing-page
 * path that Spring MVC routes to the public handlers is rate limited and body-capped exactly like
 * the canonical path. Five requests per address, then one a minute: an exhausted address stays
 * exhausted for the whole test.
 */
// service-kit's canonical-path filter would refuse most spellings first; without it this shows
// that the guard bound to the handlers holds on its own for every spelling the dispatcher routes.
@Import(WithoutCanonicalPathFilter.class)
@ServiceIntegrationTest
@TestPropertySource(
        properties = {
            "agentlocator.billing.contracts.public-burst=5",
            "agentlocator.billing.contracts.public-requests-per-minute=1"
        })
class PublicPathSpellingsIT {

    /** Over the filter's cap (3 × the 200 KB signature limit), under the kit's 1 MB body limit. */
    static final int OVER_THE_CAP = 700 * 1024;

    static final AtomicInteger ADDRESSES = new AtomicInteger(1);

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    BillingFixture fixture;
    String contract;
    String token;

    @BeforeEach
    void aContractWaitingForItsSignature() {
        fixture = new BillingFixture(port, kafka, json, jdbc);
        UUID tenant = UUID.randomUUID();
        fixture.businessSettings(tenant, "נדל״ן לדוגמה בע״מ", 1800);
        UUID customer = fixture.customer(tenant, "דנה כהן", null);
        var created = fixture.owner(tenant).post("/api/contracts", """
                {"customerId": "%s", "title": "הסכם תיווך",
                 "lines": [{"description": "עמלת תיווך", "quantity": 1, "unitPriceAgorot": 1000000}]}
                """.formatted(customer));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        contract = created.json("$.id");
        var sent = fixture.owner(tenant).post("/api/contracts/" + contract + "/send", null);
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        token = sent.<String>json("$.signingUrl").substring("/sign/".length());
    }

    @Test
    void anAddressOverItsLimitIsRefusedOnEverySpellingThatReachesTheSigningPage() {
        Set<String> routed = spellingsThatReachTheSigningPage();
        Api flooder = fromANewAddress();
        for (int i = 0; i < 5; i++) {
            assertThat(flooder.get("/api/public/sign/" + token).status()).isEqualTo(200);
        }
        List<String> failures = new ArrayList<>();

        for (Spelling spelling : PathSpellings.named("/api/public/sign/" + token)) {
            for (var response : List.of(flooder.get(spelling.path()), flooder.post(spelling.path(), signature()))) {
                check(spelling, routed, response, 429, "rate_limited", failures);
            }
        }
        for (Spelling spelling : PathSpellings.named("/api/public/sign/" + token + "/decline")) {
            check(spelling, routed, flooder.post(spelling.path(), null), 429, "rate_limited", failures);
        }

        assertThat(failures).isEmpty();
        assertThat(routed)
                .as("the table exercises spellings the dispatcher really routes")
                .contains(
                        "canonical",
                        "first letter percent-encoded in segment 2",
                        "every letter upper-case hex in segment 3");
        assertThat(status()).as("neither signed nor declined").isEqualTo("viewed");
    }

    @Test
    void aBodyOverTheCapIsRefusedOnEverySpellingThatReachesTheSigningPage() {
        Set<String> routed = spellingsThatReachTheSigningPage();
        String huge = json.writeValueAsString(
                Map.of("signature", "data:image/png;base64," + "A".repeat(OVER_THE_CAP), "signerName", "דנה כהן"));
        List<String> failures = new ArrayList<>();

        for (Spelling spelling : PathSpellings.named("/api/public/sign/" + token)) {
            check(spelling, routed, fromANewAddress().post(spelling.path(), huge), 413, "payload_too_large", failures);
        }

        assertThat(failures).isEmpty();
        assertThat(status()).isEqualTo("viewed");
    }

    /** A spelling reaches the handler when a fresh address gets the document through it. */
    private Set<String> spellingsThatReachTheSigningPage() {
        Set<String> routed = new LinkedHashSet<>();
        for (Spelling spelling : PathSpellings.named("/api/public/sign/" + token)) {
            var response = fromANewAddress().get(spelling.path());
            if (response.status() == 200 && response.body().contains("\"documentSha256\"")) {
                routed.add(spelling.name());
            }
        }
        return routed;
    }

    /** A routed spelling gets the canonical path's refusal; any other a 4xx of its own. */
    private static void check(
            Spelling spelling, Set<String> routed, Api.Response response, int status, String error, List<String> out) {
        boolean refusedAsExpected =
                response.status() == status && response.body().contains("\"" + error + "\"");
        boolean refusedAsBadInput = response.status() >= 400 && response.status() < 500;
        if (routed.contains(spelling.name()) ? !refusedAsExpected : !refusedAsBadInput) {
            out.add(spelling + " answered " + response.status() + " " + response.body());
        }
    }

    private String signature() {
        return json.writeValueAsString(Map.of(
                "signature",
                "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk"
                        + "YPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
                "signerName",
                "דנה כהן"));
    }

    private String status() {
        return jdbc.sql("select status from contract where id = ?")
                .param(UUID.fromString(contract))
                .query(String.class)
                .single();
    }

    /** An address of TEST-NET-3 that no other request of this class used. */
    private Api fromANewAddress() {
        int n = ADDRESSES.getAndIncrement();
        return Api.at(port).withHeader("X-Forwarded-For", "203.0." + (113 + n / 250) + "." + (1 + n % 250));
    }
}
