package dev.agentlocator.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.ECKey;
import dev.agentlocator.gateway.Downstream;
import dev.agentlocator.platform.security.tokens.JwkSetCache;
import dev.agentlocator.testkit.MutableClock;
import dev.agentlocator.testkit.TestJwks;
import dev.agentlocator.testkit.TestJwt;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Rotating crm-service's signing key without downtime (docs/operations.md, ADR 0021), as the
 * gateway sees it: the next key is published before it signs, both are live for a while, and the
 * old one is withdrawn. The gateway's clock moves only when the test moves it.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"eureka.client.enabled=false", "agentlocator.security.jwk-set-ttl=5m"})
@AutoConfigureWebTestClient
@Import(MutableClock.Configuration.class)
class KeyRotationIntegrationTest {

    private static final Duration TTL = Duration.ofMinutes(5);

    private static final ECKey OLD = TestJwt.generate("2026-11-old");
    private static final ECKey NEW = TestJwt.generate("2026-12-new");
    private static final TestJwks CRM_KEYS = TestJwks.start(OLD);
    private static final Downstream CRM = Downstream.start("crm-service");

    @Autowired
    WebTestClient client;

    @Autowired
    MutableClock clock;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("agentlocator.security.jwk-set-uri", CRM_KEYS::url);
        registry.add("spring.cloud.discovery.client.simple.instances.crm-service[0].uri", CRM::uri);
    }

    @AfterAll
    static void stop() {
        CRM_KEYS.close();
    }

    @Test
    void tokensOfTheOldKeyAreAcceptedWhileItIsPublishedAndRefusedOnceItIsWithdrawn() {
        CRM_KEYS.publish(OLD);
        clock.advance(TTL);
        String oldToken = signedBy(OLD);
        assertThat(status(oldToken)).as("only the old key exists").isEqualTo(200);

        // step 1: crm publishes the next key beside the current one; the gateway sees it within the TTL
        CRM_KEYS.publish(OLD, NEW);
        clock.advance(TTL);
        int fetches = CRM_KEYS.fetches();
        // step 2: crm signs with the next key; both keys are live
        String newToken = signedBy(NEW);
        assertThat(status(newToken)).as("the new key, published in step 1").isEqualTo(200);
        assertThat(status(oldToken))
                .as("a token of the old key still in its lifetime")
                .isEqualTo(200);
        assertThat(CRM_KEYS.fetches()).as("both keys came in one fetch").isEqualTo(fetches + 1);

        // step 3: the old key is withdrawn; the gateway holds what it fetched until the TTL runs out
        CRM_KEYS.publish(NEW);
        clock.advance(TTL.minusSeconds(1));
        assertThat(status(oldToken))
                .as("still cached, so still published as far as the gateway knows")
                .isEqualTo(200);

        clock.advance(Duration.ofSeconds(1));
        assertThat(status(oldToken)).as("withdrawn").isEqualTo(401);
        assertThat(status(newToken)).isEqualTo(200);
        assertThat(status(signedBy(OLD)))
                .as("nor is a fresh token of the old key accepted")
                .isEqualTo(401);
    }

    @Test
    void aKeyTheGatewayHasNotSeenYetIsFetchedAtOnceButNotOnEveryRequest() {
        ECKey early = TestJwt.generate("signing-before-the-ttl-" + UUID.randomUUID());
        String known = signedBy(NEW);
        CRM_KEYS.publish(NEW);
        clock.advance(TTL);
        assertThat(status(known)).isEqualTo(200);
        int fetches = CRM_KEYS.fetches();

        String unknown = signedBy(early);
        assertThat(status(unknown)).as("not published anywhere").isEqualTo(401);
        assertThat(status(unknown)).isEqualTo(401);
        assertThat(CRM_KEYS.fetches())
                .as("one fetch for the unknown key, then a pause")
                .isEqualTo(fetches + 1);

        CRM_KEYS.publish(NEW, early);
        clock.advance(JwkSetCache.MIN_REFRESH_INTERVAL);
        assertThat(status(unknown))
                .as("published now, and fetched without waiting for the TTL")
                .isEqualTo(200);
    }

    private String signedBy(ECKey key) {
        return TestJwt.sign(
                key,
                UUID.randomUUID(),
                UUID.randomUUID(),
                "owner",
                clock.instant().plus(Duration.ofHours(1)));
    }

    private int status(String token) {
        return client.get()
                .uri("/api/crm/customers/" + UUID.randomUUID())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .returnResult(String.class)
                .getStatus()
                .value();
    }
}
