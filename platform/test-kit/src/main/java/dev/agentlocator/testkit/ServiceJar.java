package dev.agentlocator.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Another module's real boot jar as a child process on a free port, for tests and benchmarks that
 * need a second service (or the gateway) in the path. The jar must already be packaged: in a
 * reactor build every module before this one is, since Maven runs each module's whole lifecycle in
 * turn. Kafka, the token keys and the database come from the test kit; Eureka is off, so a gateway
 * finds its backends through {@link #route(String, int)} instead.
 *
 * <p>Fault tests can {@link #kill()} the process (no shutdown hooks, like {@code kill -9}) and
 * {@link #restart()} it on the same port with the same database and configuration.
 */
public final class ServiceJar implements AutoCloseable {

    /** {@code -Dtestkit.readyWithinSeconds=…} gives a loaded machine longer. */
    private static final Duration READY_WITHIN = Duration.ofSeconds(Long.getLong("testkit.readyWithinSeconds", 120));

    private final String module;
    private final ProcessBuilder launcher;
    private final int port;
    private final Path log;
    private final String databaseUrl;
    private volatile Process process;

    private ServiceJar(String module, ProcessBuilder launcher, int port, Path log, String databaseUrl) {
        this.module = module;
        this.launcher = launcher;
        this.port = port;
        this.log = log;
        this.databaseUrl = databaseUrl;
    }

    public static Builder of(String module) {
        return new Builder(module);
    }

    public int port() {
        return port;
    }

    public Api api() {
        return Api.at(port);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The process's console output (every start of it, appended). */
    public Path log() {
        return log;
    }

    /**
     * JDBC URL of the database {@link Builder#database(String)} created for it, or null when it
     * got none; the credentials are the test kit's PostgreSQL's.
     */
    public String databaseUrl() {
        return databaseUrl;
    }

    /**
     * Ends the process at once (SIGKILL): no graceful shutdown, no shutdown hooks, whatever was in
     * flight is lost, as when a machine dies.
     */
    public void kill() {
        try {
            process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while killing " + module, e);
        }
    }

    /**
     * Starts the jar again on the same port, with the same database, environment and arguments
     * (stopping it gracefully first if it still runs), and waits until it is ready.
     */
    public void restart() {
        if (process.isAlive()) {
            close();
        }
        launch();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private void launch() {
        try {
            process = launcher.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + module, e);
        }
        awaitReady();
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(READY_WITHIN);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        module + " exited with " + process.exitValue() + " before it was ready; see " + log);
            }
            if (Instant.now().isAfter(deadline)) {
                close();
                throw new IllegalStateException(module + " not ready within " + READY_WITHIN + "; see " + log);
            }
            try {
                if (api().get("/actuator/health/readiness").status() == 200) {
                    return;
                }
            } catch (RuntimeException notListeningYet) {
                // keep waiting
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("interrupted while " + module + " started", e);
            }
        }
    }

    public static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static final class Builder {

        private final String module;
        private final Map<String, String> env = new LinkedHashMap<>();
        private final List<String> args = new ArrayList<>();
        private final List<String> jvmOptions = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1", "-Xmx384m"));
        private String databaseUrl;

        private Builder(String module) {
            this.module = module;
            env.put("KAFKA_BOOTSTRAP_SERVERS", TestInfrastructure.kafkaBootstrapServers());
            env.put("JWKS_URL", TestJwks.shared().url());
            if (module.equals("crm-service")) {
                env.put("TOKEN_SIGNING_KEYS", TestJwt.signingKeys());
            }
            if (module.equals("crm-service") || module.equals("telephony-service")) {
                env.put("TELEPHONY_CLIENT_SECRET", TestJwt.TELEPHONY_CLIENT_SECRET);
            }
            env.put("EUREKA_CLIENT_ENABLED", "false");
        }

        /**
         * A fresh database of the test kit's PostgreSQL, under the service's own variable (e.g.
         * {@code TASKS_DATABASE_URL}).
         */
        public Builder database(String urlVariable) {
            var postgres = TestInfrastructure.postgres();
            databaseUrl = postgres.jdbcUrl(TestInfrastructure.createDatabase("jar_" + module));
            env.put(urlVariable, databaseUrl);
            env.put("DATABASE_USERNAME", postgres.username());
            env.put("DATABASE_PASSWORD", postgres.password() == null ? "" : postgres.password());
            return this;
        }

        public Builder env(String name, String value) {
            env.put(name, value);
            return this;
        }

        /** Where a gateway (or a client) finds {@code service}: a fixed instance, no Eureka. */
        public Builder route(String service, int port) {
            args.add(
                    "--spring.cloud.discovery.client.simple.instances." + service + "[0].uri=http://127.0.0.1:" + port);
            return this;
        }

        /** Full JIT instead of the quick-start default, for benchmarks that measure this process. */
        public Builder optimised() {
            jvmOptions.remove("-XX:TieredStopAtLevel=1");
            return this;
        }

        /** Starts the jar and waits until its readiness probe answers 200. */
        public ServiceJar start() {
            Path jar = locate(module);
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(
                        jar.toAbsolutePath() + " is missing: package " + module + " first (the reactor build does)");
            }
            int port = freePort();
            Path log = Path.of("target", "jar-" + module + "-" + port + ".log");
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.add("-jar");
            command.add(jar.toString());
            command.addAll(args);
            var builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(new File(log.toString())));
            builder.environment().putAll(env);
            builder.environment().put("SERVER_PORT", Integer.toString(port));
            try {
                Files.createDirectories(log.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            var service = new ServiceJar(module, builder, port, log, databaseUrl);
            service.launch();
            return service;
        }

        /**
         * {@code <module>/target/<module>.jar} of the repository the tests run in: a sibling of the
         * test's module, or of one of its parents (a module under {@code infra/}).
         */
        private static Path locate(String module) {
            Path sibling = Path.of("..", module, "target", module + ".jar").normalize();
            for (Path dir = Path.of("").toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
                Path jar = dir.resolve(module).resolve("target").resolve(module + ".jar");
                if (Files.isRegularFile(dir.resolve(module).resolve("pom.xml"))) {
                    return jar;
                }
            }
            return sibling;
        }
    }
}
