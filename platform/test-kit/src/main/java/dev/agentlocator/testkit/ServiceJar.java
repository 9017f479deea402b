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
 * turn. Kafka, the JWT secret and the database come from the test kit; Eureka is off, so a gateway
 * finds its backends through {@link #route(String, int)} instead.
 */
public final class ServiceJar implements AutoCloseable {

    private static final Duration READY_WITHIN = Duration.ofSeconds(120);

    private final String module;
    private final Process process;
    private final int port;
    private final Path log;

    private ServiceJar(String module, Process process, int port, Path log) {
        this.module = module;
        this.process = process;
        this.port = port;
        this.log = log;
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

        private Builder(String module) {
            this.module = module;
            env.put("KAFKA_BOOTSTRAP_SERVERS", TestInfrastructure.kafkaBootstrapServers());
            env.put("JWT_SECRET", TestJwt.SECRET);
            env.put("EUREKA_CLIENT_ENABLED", "false");
        }

        /**
         * A fresh database of the test kit's PostgreSQL, under the service's own variable (e.g.
         * {@code TASKS_DATABASE_URL}).
         */
        public Builder database(String urlVariable) {
            var postgres = TestInfrastructure.postgres();
            env.put(urlVariable, postgres.jdbcUrl(TestInfrastructure.createDatabase("jar_" + module)));
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
            Path jar = Path.of("..", module, "target", module + ".jar").normalize();
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
            var builder =
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(new File(log.toString()));
            builder.environment().putAll(env);
            builder.environment().put("SERVER_PORT", Integer.toString(port));
            try {
                Files.createDirectories(log.getParent());
                var service = new ServiceJar(module, builder.start(), port, log);
                service.awaitReady();
                return service;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start " + jar, e);
            }
        }
    }
}
