package dev.agentlocator.notification.realtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * PostgreSQL's {@code NOTIFY}/{@code LISTEN} on one channel, the fan-out between instances of
 * what goes to the sockets (ADR 0028). A notify inside a transaction is delivered when, and only
 * if, it commits, so a socket never hears of a notification before it can be read.
 */
@Repository
class LiveFeedRepository {

    static final String CHANNEL = "live_feed";

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    LiveFeedRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** Queues {@code payload} (at most 8000 bytes) for every listening instance. */
    void notify(String payload) {
        jdbc.sql("select pg_notify(?, ?)").param(CHANNEL).param(payload).query().singleRow();
    }

    /**
     * Listens on one connection of its own until {@code running} answers false or the connection
     * fails (the caller reconnects), handing each payload to {@code handler}.
     */
    void listen(BooleanSupplier running, Runnable listening, Consumer<String> handler) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("listen " + CHANNEL);
            }
            listening.run();
            PGConnection pg = connection.unwrap(PGConnection.class);
            while (running.getAsBoolean()) {
                PGNotification[] notifications = pg.getNotifications(500);
                if (notifications != null) {
                    for (PGNotification notification : notifications) {
                        handler.accept(notification.getParameter());
                    }
                }
            }
        }
    }
}
