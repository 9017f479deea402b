package dev.agentlocator.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What every service promises, whatever its domain: it boots on its own database with its
 * migrations applied, reports health and metrics, answers unknown paths and missing tokens with the
 * suite's JSON errors, and publishes its OpenAPI document. A service's test implements this on a
 * {@link ServiceIntegrationTest} class to inherit the checks.
 */
public interface ServiceContract {

    int port();

    @Test
    default void bootsOnItsOwnDatabaseWithItsMigrationsApplied(@Autowired DataSource dataSource) throws SQLException {
        List<String> versions = new ArrayList<>();
        try (var connection = dataSource.getConnection();
                var rows = connection
                        .createStatement()
                        .executeQuery(
                                "select version from flyway_schema_history where success order by installed_rank")) {
            while (rows.next()) {
                versions.add(rows.getString(1));
            }
        }
        int first = versions.indexOf("1");
        assertThat(first).as("the service's first migration, after the kit's").isPositive();
        assertThat(versions.subList(0, first))
                .as("the kit's migrations (0.x), before the service's own")
                .startsWith("0.1")
                .allMatch(version -> version.startsWith("0."));
    }

    @Test
    default void reportsHealthLivenessAndReadiness() {
        var api = Api.at(port());
        var health = api.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.<String>json("$.status")).isEqualTo("UP");
        assertThat(api.get("/actuator/health/liveness").<String>json("$.status"))
                .isEqualTo("UP");
        assertThat(api.get("/actuator/health/readiness").<String>json("$.status"))
                .isEqualTo("UP");
    }

    @Test
    default void exposesPrometheusMetrics() {
        var metrics = Api.at(port()).get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes", "http_server_requests");
    }

    @Test
    default void answersAnUnknownPathWithA404Json() {
        var response = Api.at(port())
                .withToken(TestJwt.token(UUID.randomUUID(), UUID.randomUUID(), "owner"))
                .get("/api/no-such-route");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.<String>json("$.error")).isEqualTo("not_found");
    }

    @Test
    default void refusesAnApiCallWithoutTokenWithA401Json() {
        var response = Api.at(port()).get("/api/no-such-route");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.<String>json("$.error")).isEqualTo("unauthorized");
    }

    @Test
    default void publishesItsOpenApiDocument() {
        var doc = Api.at(port()).get("/v3/api-docs");
        assertThat(doc.status()).isEqualTo(200);
        assertThat(doc.<String>json("$.openapi")).startsWith("3.");
        assertThat(doc.<String>json("$.info.title")).startsWith("AgentLocator ").endsWith("-service");
        assertThat(doc.<String>json("$.info.description")).isNotBlank();
        assertThat(doc.<String>json("$.info.version")).isNotBlank();
        assertThat(doc.<String>json("$.components.securitySchemes.bearer.scheme"))
                .isEqualTo("bearer");
        assertThat(doc.<Object>json("$.security[0].bearer"))
                .as("every operation needs the token unless it says otherwise")
                .isNotNull();
    }

    @Test
    default void tellsWhichBuildAndCommitIsRunning() {
        var info = Api.at(port()).get("/actuator/info");
        assertThat(info.status()).isEqualTo(200);
        assertThat(info.<String>json("$.build.version"))
                .as("from build-info.properties")
                .isNotBlank();
        assertThat(info.<String>json("$.build.time")).isNotBlank();
        assertThat(info.<String>json("$.git.commit.id"))
                .as("from git.properties")
                .isNotBlank();
    }
}
