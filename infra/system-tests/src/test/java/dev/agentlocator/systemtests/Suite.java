package dev.agentlocator.systemtests;

import dev.agentlocator.testkit.Api;
import dev.agentlocator.testkit.ServiceJar;
import dev.agentlocator.testkit.TestInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;

/**
 * Every service's real jar and the gateway routing to them, started once for all the system tests
 * of this JVM (starting seven JVMs is most of this module's run time). Each service has a fresh
 * database of its own on the test kit's PostgreSQL and talks to the test kit's in-process Kafka, so
 * a fault test can stop the broker or kill a service; it must leave both running again.
 */
final class Suite {

    /** Module → the variable its database URL is read from. */
    static final Map<String, String> SERVICES = Map.of(
            "crm-service", "CRM_DATABASE_URL",
            "tasks-service", "TASKS_DATABASE_URL",
            "billing-service", "BILLING_DATABASE_URL",
            "timeline-service", "TIMELINE_DATABASE_URL",
            "notification-service", "NOTIFICATION_DATABASE_URL",
            "telephony-service", "TELEPHONY_DATABASE_URL");

    /** The peer whose X-Forwarded-* the gateway believes, as it would an ingress's. */
    static final String TRUSTED_PROXY = "127.0.0.9";

    /** telephony-service checks webhook signatures with it; without TWILIO_SID nothing is ever sent. */
    static final String TWILIO_TOKEN = "system-tests-twilio-auth-token";

    /** The platform admin crm-service creates from its configuration at start (ADR 0026). */
    static final String ADMIN_EMAIL = "ops@agentlocator.test";

    static final String ADMIN_PASSWORD = "system-tests-operator-password";

    private static Suite instance;

    private final Map<String, ServiceJar> services;
    private final ServiceJar gateway;

    private Suite(Map<String, ServiceJar> services, ServiceJar gateway) {
        this.services = services;
        this.gateway = gateway;
    }

    static synchronized Suite get() {
        if (instance == null) {
            instance = start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::close, "system-tests-suite"));
        }
        instance.ensureRunning();
        return instance;
    }

    private static Suite start() {
        TestInfrastructure.embeddedKafka();
        // crm first: telephony calls it, and starting six JVMs at once on two cores only slows each.
        ServiceJar crm = withSmallPool(ServiceJar.of("crm-service").database("CRM_DATABASE_URL"))
                .env("PLATFORM_ADMIN_EMAIL", ADMIN_EMAIL)
                .env("PLATFORM_ADMIN_PASSWORD", ADMIN_PASSWORD)
                .start();
        // everyone verifies tokens with the keys the real crm publishes (ADR 0021), not the kit's copy
        String crmKeys = "http://127.0.0.1:" + crm.port() + "/.well-known/jwks.json";
        Map<String, CompletableFuture<ServiceJar>> starting = new LinkedHashMap<>();
        for (var service : List.of(
                "tasks-service", "billing-service", "timeline-service", "notification-service", "telephony-service")) {
            starting.put(service, CompletableFuture.supplyAsync(() -> {
                var builder = withSmallPool(ServiceJar.of(service).database(SERVICES.get(service)))
                        .env("JWKS_URL", crmKeys);
                if (service.equals("timeline-service")) {
                    // a killed consumer's partitions move on after 10 s, not the default 45
                    builder.env(
                            "SPRING_APPLICATION_JSON",
                            "{\"spring.kafka.consumer.properties.session.timeout.ms\":10000}");
                }
                if (service.equals("telephony-service")) {
                    builder.env("CRM_BASE_URL", "http://127.0.0.1:" + crm.port())
                            .env("TWILIO_TOKEN", TWILIO_TOKEN);
                }
                return builder.start();
            }));
        }
        Map<String, ServiceJar> services = new LinkedHashMap<>();
        services.put("crm-service", crm);
        List<RuntimeException> failures = new ArrayList<>();
        starting.forEach((name, future) -> {
            try {
                services.put(name, future.join());
            } catch (CompletionException e) {
                failures.add(new IllegalStateException(name + " did not start", e.getCause()));
            }
        });
        if (!failures.isEmpty()) {
            services.values().forEach(ServiceJar::close);
            throw failures.get(0);
        }
        // One loopback address plays an ingress in front of the gateway (ClientAddressIT).
        var gateway = ServiceJar.of("gateway")
                .env("GATEWAY_TRUSTED_PROXIES", TRUSTED_PROXY)
                .env("JWKS_URL", crmKeys);
        if (Boolean.getBoolean("systemtests.optimised")) {
            gateway.optimised();
        }
        services.forEach((name, jar) -> gateway.route(name, jar.port()));
        return new Suite(services, gateway.start());
    }

    /**
     * The PostgreSQL server is shared (with a running local stack, say) and allows 100 clients; six
     * services at the default ten connections each would take most of them. The load benchmark
     * asks for more with {@code -Dsystemtests.pool=10}, and for full JIT compilers with
     * {@code -Dsystemtests.optimised=true}.
     */
    private static ServiceJar.Builder withSmallPool(ServiceJar.Builder builder) {
        if (Boolean.getBoolean("systemtests.optimised")) {
            builder.optimised();
        }
        return builder.env(
                        "SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE",
                        String.valueOf(Integer.getInteger("systemtests.pool", 3)))
                .env("SPRING_DATASOURCE_HIKARI_MINIMUM_IDLE", "1");
    }

    /** What a previous test may have left down comes back before the next one starts. */
    private void ensureRunning() {
        if (!TestInfrastructure.embeddedKafka().isRunning()) {
            TestInfrastructure.embeddedKafka().start();
        }
        services.values().forEach(jar -> {
            if (!jar.isAlive()) {
                jar.restart();
            }
        });
        if (!gateway.isAlive()) {
            gateway.restart();
        }
    }

    ServiceJar service(String module) {
        return services.get(module);
    }

    Map<String, ServiceJar> services() {
        return services;
    }

    ServiceJar gateway() {
        return gateway;
    }

    Api viaGateway() {
        return gateway.api();
    }

    /** A new tenant signed up through the gateway, as the web client does it. */
    Tenant signUp(String label) {
        String email = label + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        var response = viaGateway().post("/api/auth/signup", """
                        {"businessName":"עסק %s","name":"בעלים %s","email":"%s","password":"a-long-password-1"}""".formatted(label, label, email));
        if (response.status() != 200 && response.status() != 201) {
            throw new AssertionError("signup failed: " + response.status() + " " + response.body());
        }
        // The suite's crm logs mail instead of sending it, so the owner cannot follow the verification
        // link a self-service signup mails (ADR 0031); the address counts as proven, as it would once
        // followed. AccountsIT and the onboarding browser test follow the real link.
        verifyEmail(UUID.fromString(response.json("$.user.id")));
        return new Tenant(
                UUID.fromString(response.json("$.user.tenantId")),
                UUID.fromString(response.json("$.user.id")),
                response.json("$.accessToken"),
                email);
    }

    private void verifyEmail(UUID userId) {
        try (var c = database("crm-service");
                var statement = c.prepareStatement("update app_user set email_verified_at = now() where id = ?")) {
            statement.setObject(1, userId);
            if (statement.executeUpdate() != 1) {
                throw new AssertionError("no user " + userId + " to verify");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot verify " + userId, e);
        }
    }

    /** The platform admin's access token, from a login through the gateway. */
    String adminToken() {
        var login = viaGateway().post("/api/auth/login", """
                {"email":"%s","password":"%s"}""".formatted(ADMIN_EMAIL, ADMIN_PASSWORD));
        if (login.status() != 200) {
            throw new AssertionError("the platform admin cannot log in: " + login.status() + " " + login.body());
        }
        return login.json("$.accessToken");
    }

    /** A database connection to {@code module}'s own database. */
    Connection database(String module) {
        var postgres = TestInfrastructure.postgres();
        var props = new Properties();
        props.put("user", postgres.username());
        if (postgres.password() != null) {
            props.put("password", postgres.password());
        }
        try {
            return DriverManager.getConnection(services.get(module).databaseUrl(), props);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to the database of " + module, e);
        }
    }

    /** A single number from {@code module}'s database. */
    long count(String module, String sql, Object... args) {
        try (var c = database(module);
                var statement = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (var rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " on " + module, e);
        }
    }

    /** Row counts of every table of {@code module}'s database but Flyway's history. */
    Map<String, Long> rowCounts(String module) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        try (var c = database(module);
                var tables = c.createStatement()
                        .executeQuery("select tablename from pg_tables where schemaname = 'public'"
                                + " and tablename <> 'flyway_schema_history'")) {
            List<String> names = new ArrayList<>();
            while (tables.next()) {
                names.add(tables.getString(1));
            }
            for (String table : names) {
                try (var rs = c.createStatement().executeQuery("select count(*) from \"" + table + "\"")) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the rows of " + module, e);
        }
        return counts;
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            sleep(100);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** All at once: each may take its graceful-shutdown time, and the test JVM is waiting to exit. */
    private void close() {
        List<ServiceJar> all = new ArrayList<>(services.values());
        all.add(gateway);
        CompletableFuture.allOf(all.stream()
                        .map(jar -> CompletableFuture.runAsync(jar::close))
                        .toArray(CompletableFuture[]::new))
                .join();
    }

    /** A signed-up business: its id, its owner and the owner's access token. */
    record Tenant(UUID id, UUID ownerId, String token, String email) {

        Api api(Suite suite) {
            return suite.viaGateway().withToken(token);
        }
    }
}
