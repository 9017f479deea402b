package dev.agentlocator.testkit.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server to create databases on: the one configured, else the one on 127.0.0.1:5432,
 * else (for tests) a Testcontainers one where Docker runs, else an embedded one started in this
 * JVM. A fresh machine has no server at all, and the suite must still start and test there.
 */
public final class PostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PostgresServer.class);
    private static final Pattern SAFE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final Pattern HOST_AND_PORT = Pattern.compile("//([^/:,?]+)(?::(\\d+))?/");
    private static final String LOCAL_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

    private final String adminUrl;
    private final String username;
    private final String password;
    private final String description;
    private final AutoCloseable owned;

    private PostgresServer(String adminUrl, String username, String password, String description, AutoCloseable owned) {
        this.adminUrl = adminUrl;
        this.username = username;
        this.password = password;
        this.description = description;
        this.owned = owned;
    }

    /**
     * Finds a server as the suite's rules say.
     *
     * @param explicitUrl a JDBC URL to any database of the wanted server, or blank
     * @param allowContainers whether Testcontainers may be tried (tests only)
     * @param embeddedDataDir where an embedded server keeps its data, or {@code null} for a
     *     throw-away directory
     */
    public static PostgresServer locate(
            String explicitUrl, String username, String password, boolean allowContainers, Path embeddedDataDir) {
        String user = isBlank(username) ? "postgres" : username;
        String pass = password == null ? "" : password;
        if (!isBlank(explicitUrl)) {
            return new PostgresServer(explicitUrl, user, pass, "configured server " + redact(explicitUrl), null);
        }
        if (answers("127.0.0.1", 5432) && canLogIn(LOCAL_URL, user, pass)) {
            return new PostgresServer(LOCAL_URL, user, pass, "local server 127.0.0.1:5432", null);
        }
        if (allowContainers && Containers.dockerAvailable()) {
            return Containers.startPostgres();
        }
        return startEmbedded(embeddedDataDir);
    }

    static PostgresServer ofContainer(String url, String user, String pass, AutoCloseable container) {
        return new PostgresServer(url, user, pass, "Testcontainers PostgreSQL", container);
    }

    private static PostgresServer startEmbedded(Path dataDir) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setPort(0);
            if (dataDir != null) {
                builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
            }
            EmbeddedPostgres pg = builder.start();
            String url = pg.getJdbcUrl("postgres", "postgres");
            log.info("Started embedded PostgreSQL on port {}", pg.getPort());
            return new PostgresServer(url, "postgres", "", "embedded PostgreSQL on port " + pg.getPort(), pg);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start an embedded PostgreSQL", e);
        }
    }

    public String description() {
        return description;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    /** JDBC URL of {@code database} on this server, keeping the configured URL's parameters. */
    public String jdbcUrl(String database) {
        int query = adminUrl.indexOf('?');
        String base = query < 0 ? adminUrl : adminUrl.substring(0, query);
        String params = query < 0 ? "" : adminUrl.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + params;
    }

    /** Where the server listens, from its JDBC URL (5432 when the URL names no port). */
    public InetSocketAddress address() {
        var matcher = HOST_AND_PORT.matcher(adminUrl);
        if (!matcher.find()) {
            throw new IllegalStateException("No single host in " + redact(adminUrl));
        }
        int port = matcher.group(2) == null ? 5432 : Integer.parseInt(matcher.group(2));
        return InetSocketAddress.createUnresolved(matcher.group(1), port);
    }

    /** JDBC URL of {@code database} reached at {@code via} (a proxy) instead of the server itself. */
    public String jdbcUrl(String database, InetSocketAddress via) {
        return HOST_AND_PORT
                .matcher(jdbcUrl(database))
                .replaceFirst("//" + via.getHostString() + ":" + via.getPort() + "/");
    }

    /** Creates {@code database} unless it exists. */
    public void ensureDatabase(String database) {
        requireSafe(database);
        try (Connection c = connect();
                var exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (var rs = exists.executeQuery()) {
                if (!rs.next()) {
                    try (var create = c.createStatement()) {
                        create.execute("create database " + database);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database + " on " + description, e);
        }
    }

    /** Drops {@code database}, closing whatever connections are still open to it. */
    public void dropDatabase(String database) {
        requireSafe(database);
        try (Connection c = connect();
                var drop = c.createStatement()) {
            drop.execute("drop database if exists " + database + " with (force)");
        } catch (SQLException e) {
            log.warn("Could not drop database {}: {}", database, e.getMessage());
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(adminUrl, credentials(username, password));
    }

    @Override
    public void close() {
        if (owned == null) {
            return;
        }
        try {
            owned.close();
        } catch (Exception e) {
            log.warn("Could not stop {}: {}", description, e.getMessage());
        }
    }

    private static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean canLogIn(String url, String user, String pass) {
        try (Connection ignored = DriverManager.getConnection(url, credentials(user, pass))) {
            return true;
        } catch (SQLException e) {
            log.info("PostgreSQL on 127.0.0.1:5432 refused {}: {}", user, e.getMessage());
            return false;
        }
    }

    private static Properties credentials(String user, String pass) {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", pass);
        props.setProperty("connectTimeout", "5");
        return props;
    }

    private static void requireSafe(String database) {
        if (!SAFE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("Not a safe database name: " + database);
        }
    }

    private static String redact(String url) {
        return url.replaceAll("password=[^&]*", "password=***");
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
