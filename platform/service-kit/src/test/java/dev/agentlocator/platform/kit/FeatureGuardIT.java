package dev.agentlocator.platform.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.agentlocator.platform.events.EventEnvelope;
import dev.agentlocator.platform.events.TenantEvent;
import dev.agentlocator.platform.events.Topics;
import dev.agentlocator.testkit.Api;
import dev.agentlocator.testkit.ServiceIntegrationTest;
import dev.agentlocator.testkit.TestJwt;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

@ServiceIntegrationTest
class FeatureGuardIT {

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JsonMapper json;

    @Test
    void aTenantNeverHeardOfHasEveryFeatureOn() {
        var api = Api.at(port).withToken(TestJwt.token(UUID.randomUUID(), UUID.randomUUID(), "agent"));

        assertThat(api.get("/test/whatsapp").status()).isEqualTo(200);
        assertThat(api.get("/test/stats").status()).isEqualTo(200);
    }

    @Test
    void aFeatureSwitchedOffOnTheTenantTopicIsRefusedWithinSecondsAndOnAgainWhenSwitchedOn() throws Exception {
        UUID tenant = UUID.randomUUID();
        var api = Api.at(port).withToken(TestJwt.token(UUID.randomUUID(), tenant, "agent"));
        var otherTenant = Api.at(port).withToken(TestJwt.token(UUID.randomUUID(), UUID.randomUUID(), "agent"));

        publish(tenant, Map.of("whatsapp", false, "stats", true));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            var refused = api.get("/test/whatsapp");
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.<String>json("$.error")).isEqualTo("feature_disabled");
            assertThat(refused.<String>json("$.feature")).isEqualTo("whatsapp");
            assertThat(refused.<String>json("$.message")).isNotBlank();
        });
        assertThat(api.get("/test/stats").status()).isEqualTo(200);
        assertThat(otherTenant.get("/test/whatsapp").status()).isEqualTo(200);

        publish(tenant, Map.of("whatsapp", true, "stats", true));

        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(
                        () -> assertThat(api.get("/test/whatsapp").status()).isEqualTo(200));
    }

    @Test
    void aMethodLevelFlagIsCheckedToo() throws Exception {
        UUID tenant = UUID.randomUUID();
        var api = Api.at(port).withToken(TestJwt.token(UUID.randomUUID(), tenant, "agent"));

        publish(tenant, Map.of("stats", false));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            var refused = api.get("/test/stats");
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.<String>json("$.feature")).isEqualTo("stats");
        });
    }

    private void publish(UUID tenant, Map<String, Boolean> flags) throws Exception {
        var event = EventEnvelope.of(
                TenantEvent.FEATURES_CHANGED, tenant, null, "feature-guard-it", new TenantEvent.Payload(flags));
        kafka.send(Topics.CRM_TENANT, event.partitionKey(), json.writeValueAsString(event))
                .get();
    }
}
