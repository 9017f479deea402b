package dev.agentlocator.platform.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentlocator.testkit.TestInfrastructure;
import java.io.IOException;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * The kit's migrations are numbered 0.x, below every service's own; a new one must still reach a
 * database that a service has migrated already (a deployed service, or `make run`'s data).
 */
class KitMigrationsIT {

    @Test
    void aNewKitMigrationReachesADatabaseWhereTheServicesMigrationsAlreadyRan() throws IOException {
        var postgres = TestInfrastructure.postgres();
        String url = postgres.jdbcUrl(TestInfrastructure.createDatabase("KitMigrationsIT"));
        // As deployed before: the kit's first migration, then the service's.
        flyway(url, false, "classpath:db/kit").target("0.1").load().migrate();
        flyway(url, false, "classpath:db/migration")
                .ignoreMigrationPatterns("*:missing")
                .load()
                .migrate();

        assertThatThrownBy(() -> flyway(url, false, "classpath:db/kit", "classpath:db/migration")
                        .load()
                        .migrate())
                .as("Flyway's default refuses a migration numbered below what ran")
                .isInstanceOf(FlywayException.class);

        var result = flyway(url, kitDefaultOutOfOrder(), "classpath:db/kit", "classpath:db/migration")
                .load()
                .migrate();
        assertThat(result.migrations).extracting(m -> m.version).contains("0.2");
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(
            String url, boolean outOfOrder, String... locations) {
        var postgres = TestInfrastructure.postgres();
        return Flyway.configure()
                .dataSource(url, postgres.username(), postgres.password())
                .locations(locations)
                .outOfOrder(outOfOrder);
    }

    private static boolean kitDefaultOutOfOrder() throws IOException {
        var defaults = new Properties();
        try (var in = new ClassPathResource("agentlocator-kit-defaults.properties").getInputStream()) {
            defaults.load(in);
        }
        return Boolean.parseBoolean(defaults.getProperty("spring.flyway.out-of-order"));
    }
}
