package dev.agentlocator.platform.kit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.testkit.Api;
import dev.agentlocator.testkit.ServiceIntegrationTest;
import dev.agentlocator.testkit.TestJwt;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@ServiceIntegrationTest
class SecurityIT {

    @LocalServerPort
    int port;

    private final UUID user = UUID.randomUUID();
    private final UUID tenant = UUID.randomUUID();

    @Test
    void validTokenGivesTheControllerItsUserAndTenant() {
        var response =
                Api.at(port).withToken(TestJwt.token(user, tenant, "owner")).get("/test/me");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.<String>json("$.tenantId")).isEqualTo(tenant.toString());
        assertThat(response.<String>json("$.userId")).isEqualTo(user.toString());
        assertThat(response.<java.util.List<String>>json("$.roles")).containsExactly("owner");
    }

    @Test
    void requestWithoutTokenIsA401Json() {
        var response = Api.at(port).get("/test/me");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.<String>json("$.error")).isEqualTo("unauthorized");
        assertThat(response.<String>json("$.message")).isEqualTo("נדרשת התחברות");
    }

    @Test
    void expiredTokenIsA401() {
        var response =
                Api.at(port).withToken(TestJwt.expired(user, tenant, "owner")).get("/test/me");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.<String>json("$.error")).isEqualTo("unauthorized");
    }

    @Test
    void tokenSignedWithAnotherKeyIsA401() {
        var response = Api.at(port)
                .withToken(TestJwt.signedWithWrongKey(user, tenant, "owner"))
                .get("/test/me");

        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void tokenSignedWithASharedSecretIsA401WhateverItsKeyIdSays() {
        var response = Api.at(port)
                .withToken(TestJwt.signedWithSharedSecret(user, tenant, "owner"))
                .get("/test/me");

        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void garbageTokenIsA401() {
        assertThat(Api.at(port).withToken("not.a.jwt").get("/test/me").status()).isEqualTo(401);
    }

    @Test
    void unauthenticatedWriteChangesNothingAndIsA401() {
        var response = Api.at(port).post("/test/notes", "{\"text\":\"sneaky\"}");

        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void declaredPublicPathsAndHealthNeedNoToken() {
        assertThat(Api.at(port).get("/test/public/ping").status()).isEqualTo(200);
        var health = Api.at(port).get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.<String>json("$.status")).isEqualTo("UP");
        assertThat(Api.at(port).get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(Api.at(port).get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(Api.at(port).get("/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
    }
}
