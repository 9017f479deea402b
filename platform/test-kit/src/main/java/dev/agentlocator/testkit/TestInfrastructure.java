package dev.agentlocator.testkit;

import dev.agentlocator.testkit.infra.KafkaServer;
import dev.agentlocator.testkit.infra.PostgresServer;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The real PostgreSQL and Kafka that integration tests of this JVM share.
 *
 * <p>PostgreSQL: {@code TEST_DATABASE_URL}, else 127.0.0.1:5432 if it answers, else Testcontainers
 * where Docker runs, else embedded. Kafka: {@code TEST_KAFKA_BOOTSTRAP_SERVERS}, else an in-process
 * KRaft broker. Each test class gets a database of its own; they are dropped when the JVM ends.
 */
public final class TestInfrastructure {

    private static PostgresServer postgres;
    private static KafkaServer kafka;
    private static final ConcurrentLinkedQueue<String> createdDatabases = new ConcurrentLinkedQueue<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestInfrastructure::tearDown, "test-infrastructure-teardown"));
    }

    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = PostgresServer.locate(
                    System.getenv("TEST_DATABASE_URL"),
                    System.getenv("TEST_DATABASE_USERNAME"),
                    System.getenv("TEST_DATABASE_PASSWORD"),
                    true,
                    null);
        }
        return postgres;
    }

    /** Bootstrap servers of the broker the tests use. */
    public static synchronized String kafkaBootstrapServers() {
        String external = System.getenv("TEST_KAFKA_BOOTSTRAP_SERVERS");
        if (external != null && !external.isBlank()) {
            return external;
        }
        return embeddedKafka().bootstrapServers();
    }

    /**
     * The in-process broker, for tests that stop and restart it. Fails when the tests run against
     * an external broker, which a test must not shut down.
     */
    public static synchronized KafkaServer embeddedKafka() {
        String external = System.getenv("TEST_KAFKA_BOOTSTRAP_SERVERS");
        if (external != null && !external.isBlank()) {
            throw new IllegalStateException("Tests use the external Kafka at " + external + "; it cannot be stopped");
        }
        if (kafka == null) {
            kafka = KafkaServer.startOnFreePort(3);
        }
        return kafka;
    }

    /** A new, empty database named after {@code owner}; dropped when the JVM ends. */
    public static String createDatabase(String owner) {
        String name = (owner.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT) + "_"
                        + UUID.randomUUID().toString().replace("-", "").substring(0, 12))
                .replaceFirst("^[^a-z]+", "t");
        String database = "it_" + (name.length() > 50 ? name.substring(name.length() - 50) : name);
        postgres().ensureDatabase(database);
        createdDatabases.add(database);
        return database;
    }

    private static synchronized void tearDown() {
        if (postgres != null) {
            createdDatabases.forEach(postgres::dropDatabase);
            postgres.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    private TestInfrastructure() {}
}
