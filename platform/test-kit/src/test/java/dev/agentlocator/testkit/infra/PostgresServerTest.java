package dev.agentlocator.testkit.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class PostgresServerTest {

    @Test
    void aDatabaseCanBeReachedThroughAProxyKeepingTheUrlsParameters() {
        var server = PostgresServer.locate(
                "jdbc:postgresql://db.internal:6543/postgres?sslmode=disable", "app", "secret", false, null);

        assertThat(server.address().getHostString()).isEqualTo("db.internal");
        assertThat(server.address().getPort()).isEqualTo(6543);
        assertThat(server.jdbcUrl("it_one", InetSocketAddress.createUnresolved("127.0.0.1", 40001)))
                .isEqualTo("jdbc:postgresql://127.0.0.1:40001/it_one?sslmode=disable");
    }

    @Test
    void aUrlWithoutPortMeansPostgresDefault() {
        var server = PostgresServer.locate("jdbc:postgresql://localhost/postgres", "app", "", false, null);

        assertThat(server.address().getPort()).isEqualTo(5432);
    }
}
