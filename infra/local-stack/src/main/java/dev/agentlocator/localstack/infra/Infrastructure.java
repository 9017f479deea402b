package dev.agentlocator.localstack.infra;

import dev.agentlocator.localstack.Console;
import dev.agentlocator.localstack.StackLayout;
import dev.agentlocator.testkit.infra.KafkaServer;
import dev.agentlocator.testkit.infra.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

/**
 * Kafka and PostgreSQL for the stack: a broker in this JVM unless {@code KAFKA_BOOTSTRAP_SERVERS}
 * names one, and the PostgreSQL server {@link PostgresServer#locate} finds (the configured one,
 * 127.0.0.1:5432, else an embedded one), with one database per service.
 */
public final class Infrastructure {

    static final int KAFKA_PARTITIONS = 3;

    private final Map<String, String> env;
    private final StackLayout layout;
    private volatile KafkaServer kafka;
    private volatile PostgresServer postgres;
    private String kafkaBootstrapServers;

    private final boolean throwaway;

    /**
     * @param throwaway for the checks of {@code make test} and the benchmarks: the stack gets
     *     databases and broker data of its own, fresh every time, so it never trips over (or
     *     wipes) what a developer's {@code make run} keeps
     */
    public Infrastructure(Map<String, String> env, StackLayout layout, boolean throwaway) {
        this.env = env;
        this.layout = layout;
        this.throwaway = throwaway;
    }

    /** The database actually used for a service's logical database {@code name}. */
    private String physical(String name) {
        return throwaway ? "smoke_" + name : name;
    }

    private Path kafkaDir() {
        return throwaway ? layout.stateDir().resolve("kafka-smoke") : layout.kafkaDir();
    }

    /** The in-process broker's client and controller ports, or none when an external broker is configured. */
    public List<Integer> kafkaPortsToStart() {
        if (!isBlank(env.get("KAFKA_BOOTSTRAP_SERVERS"))) {
            return List.of();
        }
        return List.of(kafkaPort(), kafkaControllerPort());
    }

    /**
     * Starts (or finds) the broker and the database server side by side; creates every database.
     * With {@code reset}, first drops those databases and deletes the in-process broker's data.
     */
    public void start(List<String> databases, boolean reset) {
        // Initialise logging once, here, rather than racing from two threads (SLF4J then warns of "replayed" calls).
        org.slf4j.LoggerFactory.getILoggerFactory();
        CompletableFuture<Void> broker = CompletableFuture.runAsync(() -> startKafka(reset));
        CompletableFuture<Void> database = CompletableFuture.runAsync(() -> startPostgres(databases, reset));
        try {
            CompletableFuture.allOf(broker, database).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private void startKafka(boolean reset) {
        String external = env.get("KAFKA_BOOTSTRAP_SERVERS");
        if (!isBlank(external)) {
            kafkaBootstrapServers = external.trim();
            Console.info("Kafka: using " + kafkaBootstrapServers + " (KAFKA_BOOTSTRAP_SERVERS)");
            return;
        }
        long started = System.nanoTime();
        if (reset || throwaway) {
            deleteKafkaData();
        }
        try {
            kafka = KafkaServer.start(kafkaPort(), kafkaControllerPort(), kafkaDir(), KAFKA_PARTITIONS);
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "Could not start the in-process Kafka broker on port " + kafkaPort() + " (data in "
                            + layout.display(kafkaDir()) + "): " + e.getMessage(),
                    e);
        }
        kafkaBootstrapServers = kafka.bootstrapServers();
        Console.info("Kafka: in-process broker at " + kafkaBootstrapServers + ", data in " + layout.display(kafkaDir())
                + " (" + millisSince(started) + " ms)");
    }

    private void deleteKafkaData() {
        Path dir = kafkaDir();
        Path config = dir.resolveSibling(dir.getFileName() + ".properties");
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> paths = Files.walk(dir)) {
                    for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            Files.deleteIfExists(config);
            Console.info("Kafka: deleted " + layout.display(dir) + " to start from empty");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + dir, e);
        }
    }

    private void startPostgres(List<String> databases, boolean reset) {
        long started = System.nanoTime();
        postgres = PostgresServer.locate(
                env.get("DATABASE_URL"),
                env.get("DATABASE_USERNAME"),
                env.get("DATABASE_PASSWORD"),
                false,
                layout.postgresDir());
        List<String> names = databases.stream().map(this::physical).toList();
        if (reset || throwaway) {
            names.forEach(postgres::dropDatabase);
            Console.info("PostgreSQL: dropped " + String.join(", ", names) + " to start from empty");
        }
        names.forEach(postgres::ensureDatabase);
        Console.info("PostgreSQL: " + postgres.description() + ", databases " + String.join(", ", names) + " ("
                + millisSince(started) + " ms)");
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    /** JDBC URL by database name. */
    public Map<String, String> databaseUrls(List<String> databases) {
        Map<String, String> urls = new LinkedHashMap<>();
        databases.forEach(db -> urls.put(db, postgres.jdbcUrl(physical(db))));
        return urls;
    }

    public String databaseUsername() {
        return postgres.username();
    }

    public String databasePassword() {
        return postgres.password();
    }

    /** Stops the broker, then an embedded PostgreSQL (an external server is left alone). */
    public void stop() {
        KafkaServer broker = kafka;
        if (broker != null) {
            try {
                broker.stop();
                Console.info("Kafka stopped");
            } catch (RuntimeException e) {
                Console.warn("Kafka did not stop cleanly: " + e.getMessage());
            }
            kafka = null;
        }
        PostgresServer server = postgres;
        if (server != null) {
            server.close();
            postgres = null;
            if (server.description().startsWith("embedded")) {
                Console.info("PostgreSQL stopped");
            }
        }
    }

    private int kafkaPort() {
        return intEnv("KAFKA_PORT", 9092);
    }

    private int kafkaControllerPort() {
        return intEnv("KAFKA_CONTROLLER_PORT", kafkaPort() + 1);
    }

    private int intEnv(String name, int fallback) {
        String value = env.get(name);
        if (isBlank(value)) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number, not '" + value + "'");
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
