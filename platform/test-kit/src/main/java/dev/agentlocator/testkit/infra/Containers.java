package dev.agentlocator.testkit.infra;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** Testcontainers, kept in one class so that nothing touches Docker unless it is asked to. */
final class Containers {

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    static PostgresServer startPostgres() {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
        container.start();
        return PostgresServer.ofContainer(
                container.getJdbcUrl(), container.getUsername(), container.getPassword(), container::stop);
    }

    private Containers() {}
}
