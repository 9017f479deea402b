package dev.agentlocator.localstack;

import dev.agentlocator.localstack.checks.AccessTokens;
import dev.agentlocator.localstack.checks.DemoActivity;
import dev.agentlocator.localstack.checks.Measurement;
import dev.agentlocator.localstack.checks.SmokeChecks;
import dev.agentlocator.localstack.infra.DevMail;
import dev.agentlocator.localstack.infra.Infrastructure;
import dev.agentlocator.localstack.process.ChildEnvironment;
import dev.agentlocator.localstack.process.ClassDataSharing;
import dev.agentlocator.localstack.process.EncryptionKeys;
import dev.agentlocator.localstack.process.RegistryCredentials;
import dev.agentlocator.localstack.process.ServiceProcess;
import dev.agentlocator.localstack.process.TokenKeys;
import dev.agentlocator.localstack.process.VapidKeyPair;
import dev.agentlocator.localstack.readiness.HttpProbe;
import dev.agentlocator.localstack.readiness.Readiness;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * {@code make run}: the whole suite on one machine, no Docker. Starts Kafka in this JVM, finds or
 * starts PostgreSQL, then Eureka, then the six services and the gateway as child JVMs; waits until
 * all are healthy and registered, and stops everything in order on Ctrl-C or when a child dies.
 */
public final class LocalStack {

    static final String READY_LINE = "AgentLocator is ready at http://localhost:" + ServiceSpec.GATEWAY_PORT;
    private static final String GATEWAY = "http://127.0.0.1:" + ServiceSpec.GATEWAY_PORT;
    static final String DEMO_LOGIN_LINE = "Demo login: demo@agentlocator.dev / demo1234!";
    private static final int TAIL_LINES = 40;
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);
    private static final Duration STOP_GRACE_WHILE_RECORDING = Duration.ofSeconds(120);

    private final Options options;
    private final StackLayout layout;
    private final Map<String, String> env;
    private final Infrastructure infrastructure;
    private final DevMail devMail;
    private final HttpProbe http = new HttpProbe(Duration.ofSeconds(3));
    private final RegistryCredentials registry;
    private final Readiness readiness;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final List<ServiceProcess> applications = new CopyOnWriteArrayList<>();
    private final Map<ServiceSpec, ClassDataSharing.Plan> plans = new ConcurrentHashMap<>();
    private volatile ServiceProcess discovery;
    /** Resolved with the other keys once the state directory exists; read by the readiness probe's tokens. */
    private volatile TokenKeys tokenKeys;

    LocalStack(Options options, StackLayout layout, Map<String, String> env) {
        this.options = options;
        this.layout = layout;
        this.env = env;
        this.infrastructure = new Infrastructure(env, layout, options.mode() != Mode.RUN);
        this.devMail = new DevMail(env);
        this.registry = RegistryCredentials.from(env);
        this.readiness = new Readiness(
                http, Duration.ofMillis(500), registry, () -> AccessTokens.ofAnOwner(tokenKeys.signingKey()));
    }

    public static void main(String[] args) {
        Options options;
        StackLayout layout;
        try {
            options = Options.parse(args, System.getenv());
            layout = StackLayout.locate(Path.of("").toAbsolutePath(), launcherJar());
        } catch (IllegalArgumentException | IllegalStateException e) {
            Console.error(e.getMessage());
            Console.plain(Options.usage());
            System.exit(2);
            return;
        }
        if (options.help()) {
            Console.plain(Options.usage());
            return;
        }
        // Before anything touches SLF4J: logback.xml writes the libraries' warnings next to the children's logs.
        System.setProperty("local.stack.log.dir", layout.logDir().toString());
        System.exit(new LocalStack(options, layout, System.getenv()).run());
    }

    private static Path launcherJar() {
        String classPath = System.getProperty("java.class.path", "");
        String first = classPath.split(File.pathSeparator)[0];
        return first.isBlank() ? null : Path.of(first).toAbsolutePath();
    }

    /** Starts the stack and does what the mode says; the exit code. */
    int run() {
        Console.info("AgentLocator local stack in " + layout.root() + " (mode "
                + options.mode().name().toLowerCase() + ", timeout "
                + options.timeout().toSeconds() + " s)");
        if (!jarsPresent() || !portsFree()) {
            return 1;
        }
        layout.createDirectories();
        Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "local-stack-shutdown"));
        Console.info("child logs in " + layout.display(layout.logDir()) + "/<name>.log"
                + (options.echo() ? "" : " (--echo or LOCAL_STACK_ECHO=1 shows them here)"));
        Instant deadline = Instant.now().plus(options.timeout());
        prepareClassDataSharing();

        // Eureka needs neither Kafka nor PostgreSQL: it boots while they start.
        discovery = launch(ServiceSpec.DISCOVERY, ChildEnvironment.ofDiscovery(ServiceSpec.DISCOVERY, env, registry));
        ChildEnvironment.Shared shared;
        try {
            infrastructure.start(ServiceSpec.databases(), options.reset());
            devMail.start();
            tokenKeys = TokenKeys.resolve(env, layout.stateDir());
            shared = ChildEnvironment.Shared.from(
                    env,
                    infrastructure.kafkaBootstrapServers(),
                    infrastructure.databaseUrls(ServiceSpec.databases()),
                    infrastructure.databaseUsername(),
                    infrastructure.databasePassword(),
                    registry,
                    tokenKeys,
                    VapidKeyPair.resolve(env, layout.stateDir()),
                    EncryptionKeys.resolve(env, layout.stateDir()));
        } catch (RuntimeException e) {
            Console.error(describe(e));
            return 1;
        }
        if (registry.generated()) {
            Console.info("Eureka console: http://localhost:" + ServiceSpec.DISCOVERY_PORT + " (user "
                    + registry.username() + ", password " + registry.password()
                    + ", made up for this run; EUREKA_PASSWORD sets your own)");
        }
        if (!succeeded(readiness.await(List.of(discovery), false, deadline, stopping::get))) {
            return 1;
        }
        for (ServiceSpec spec : ServiceSpec.APPLICATIONS) {
            Map<String, String> childEnv = ChildEnvironment.of(spec, env, shared);
            childEnv.putAll(devMail.environment());
            applications.add(launch(spec, childEnv));
        }
        if (!succeeded(readiness.await(everyChild(), true, deadline, stopping::get))) {
            return 1;
        }
        double readySeconds = Uptime.seconds();
        if (options.mode() != Mode.MEASURE) {
            DemoActivity.ensure(GATEWAY, tokenKeys.signingKey());
        }
        Console.plain(READY_LINE);
        Console.plain(DEMO_LOGIN_LINE);
        Console.plain(ChildEnvironment.adminLoginLine(env));
        if (devMail.line() != null) {
            Console.plain(devMail.line());
        }
        Console.info(String.format(java.util.Locale.ROOT, "ready in %.1f s", readySeconds));
        return switch (options.mode()) {
            case SMOKE -> {
                if (!new SmokeChecks(
                                http,
                                readiness,
                                tokenKeys.signingKey(),
                                shared.twilioToken(),
                                layout.logFile(ServiceSpec.APPLICATIONS.stream()
                                        .filter(spec -> spec.name().equals("telephony-service"))
                                        .findFirst()
                                        .orElseThrow()))
                        .run(ServiceSpec.DISCOVERY, ServiceSpec.APPLICATIONS)) {
                    yield 1;
                }
                yield options.then() == null ? 0 : runThen(options.then());
            }
            case MEASURE -> {
                Console.plain(Measurement.line(readySeconds, Measurement.totalRssMb()));
                yield 0;
            }
            case RUN -> stayInForeground();
        };
    }

    /** The follow-up command of {@code --smoke --then}, against this stack; its exit code. */
    private int runThen(String command) {
        Console.info("running: " + command);
        var builder = new ProcessBuilder("sh", "-c", command)
                .directory(layout.root().toFile())
                .inheritIO();
        builder.environment().put("BASE_URL", "http://localhost:" + ServiceSpec.GATEWAY_PORT);
        try {
            Process process = builder.start();
            int exit = process.waitFor();
            Console.info(exit == 0 ? "passed: " + command : "failed (exit " + exit + "): " + command);
            return exit == 0 ? 0 : 1;
        } catch (IOException e) {
            Console.error("cannot run " + command + ": " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private boolean jarsPresent() {
        List<String> missing = new ArrayList<>();
        for (ServiceSpec spec : everySpec()) {
            if (!Files.isRegularFile(spec.jar(layout.root()))) {
                missing.add(layout.display(spec.jar(layout.root())));
            }
        }
        if (!missing.isEmpty()) {
            Console.error(
                    "missing " + String.join(", ", missing) + "; build them first: ./mvnw -B -DskipTests install");
        }
        return missing.isEmpty();
    }

    private boolean portsFree() {
        List<String> busy = new ArrayList<>();
        for (ServiceSpec spec : everySpec()) {
            if (listening(spec.port())) {
                busy.add(spec.port() + " (" + spec.name() + ")");
            }
        }
        for (int port : infrastructure.kafkaPortsToStart()) {
            if (listening(port)) {
                busy.add(port + " (Kafka; set KAFKA_BOOTSTRAP_SERVERS to use a running broker)");
            }
        }
        for (int port : devMail.portsToStart()) {
            if (listening(port)) {
                busy.add(port + " (development mail; MAIL_DEV_SMTP_PORT / MAIL_DEV_PORT move it)");
            }
        }
        if (!busy.isEmpty()) {
            Console.error("ports already in use: " + String.join(", ", busy)
                    + ". Is another local stack still running? (ss -ltnp shows who holds them)");
        }
        return busy.isEmpty();
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Extracts changed jars (in parallel) and decides per child whether to record or use class data. */
    private void prepareClassDataSharing() {
        List<ServiceSpec> all = everySpec();
        if (!options.classDataSharing()) {
            all.forEach(spec -> plans.put(spec, ClassDataSharing.Plan.plain(spec.jar(layout.root()))));
            return;
        }
        ClassDataSharing cds = new ClassDataSharing(layout.stateDir().resolve("cds"), options.javaOptions());
        CompletableFuture.allOf(all.stream()
                        .map(spec -> CompletableFuture.runAsync(
                                () -> plans.put(spec, cds.prepare(spec, spec.jar(layout.root())))))
                        .toArray(CompletableFuture<?>[]::new))
                .join();
        List<String> training = all.stream()
                .filter(spec -> plans.get(spec).training())
                .map(ServiceSpec::name)
                .toList();
        if (!training.isEmpty()) {
            Console.info("class-data sharing: recording class data of " + String.join(", ", training)
                    + " this run; it is saved when the stack stops, and later starts are about twice as fast");
        }
    }

    private static List<ServiceSpec> everySpec() {
        List<ServiceSpec> all = new ArrayList<>();
        all.add(ServiceSpec.DISCOVERY);
        all.addAll(ServiceSpec.APPLICATIONS);
        return all;
    }

    private ServiceProcess launch(ServiceSpec spec, Map<String, String> childEnv) {
        ServiceProcess child = ServiceProcess.start(
                spec,
                plans.getOrDefault(spec, ClassDataSharing.Plan.plain(spec.jar(layout.root()))),
                options.javaOptions(),
                childEnv,
                layout.root(),
                layout.logFile(spec),
                options.echo());
        Console.info("started " + child + " on :" + spec.port() + ", log " + layout.display(child.logFile()));
        return child;
    }

    private List<ServiceProcess> everyChild() {
        List<ServiceProcess> all = new ArrayList<>();
        if (discovery != null) {
            all.add(discovery);
        }
        all.addAll(applications);
        return all;
    }

    /** Reports a failed wait; {@code true} when everything became ready. */
    private boolean succeeded(Readiness.Outcome outcome) {
        if (outcome instanceof Readiness.Ready) {
            return true;
        }
        if (outcome instanceof Readiness.Died died) {
            reportDeath(died.child(), "during start-up");
        } else if (outcome instanceof Readiness.TimedOut timedOut) {
            Console.error("not ready after " + options.timeout().toSeconds() + " s (LOCAL_STACK_TIMEOUT_SECONDS): "
                    + timedOut.pending().size() + " not ready");
            for (ServiceProcess child : everyChild()) {
                String problem = timedOut.pending().get(child);
                if (problem != null) {
                    Console.block(
                            child.name() + ": " + problem + "; last lines of " + layout.display(child.logFile()) + ":",
                            child.tail(TAIL_LINES));
                }
            }
        }
        return false;
    }

    private void reportDeath(ServiceProcess child, String when) {
        Console.error(child + " exited with code " + child.exitCode() + " " + when + "; stopping the stack");
        List<String> tail = child.tail(TAIL_LINES);
        Console.block("last " + TAIL_LINES + " lines of " + layout.display(child.logFile()) + ":", tail);
        if (tail.stream().anyMatch(line -> line.contains("Migration checksum mismatch"))) {
            Console.info("hint: a migration was edited after the local database was created; "
                    + "--reset (or LOCAL_STACK_RESET=1) recreates the stack's databases from empty");
        }
    }

    /** {@code make run}: until Ctrl-C (the shutdown hook stops everything) or until a child dies (exit 1). */
    private int stayInForeground() {
        Console.info("press Ctrl-C to stop");
        while (!stopping.get()) {
            for (ServiceProcess child : everyChild()) {
                if (!child.isAlive() && !stopping.get()) {
                    reportDeath(child, "while running");
                    return 1;
                }
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            }
        }
        return 0;
    }

    /** The shutdown hook: gateway and services, then Eureka, then Kafka and an embedded PostgreSQL. */
    void shutdown() {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        Console.info("stopping the stack");
        stop(applications);
        ServiceProcess eureka = discovery;
        if (eureka != null) {
            stop(List.of(eureka));
        }
        infrastructure.stop();
        devMail.stop();
        Console.info("stopped");
    }

    /**
     * SIGTERM to all at once, then up to 15 s for them to finish (longer when they are writing
     * their class-data archive, which takes a while on a small machine), then SIGKILL for the rest.
     */
    private static void stop(List<ServiceProcess> children) {
        long started = System.nanoTime();
        List<String> saving = children.stream()
                .filter(ServiceProcess::savesClassData)
                .map(ServiceProcess::name)
                .toList();
        children.forEach(ServiceProcess::requestStop);
        // A JVM recording class data writes its archive on exit, even one that never became ready.
        boolean recording = children.stream().anyMatch(ServiceProcess::recordingClassData);
        Duration grace = recording ? STOP_GRACE_WHILE_RECORDING : STOP_GRACE;
        if (!saving.isEmpty()) {
            Console.info("saving class-data archives (first run after a build): " + String.join(", ", saving));
        }
        Instant deadline = Instant.now().plus(grace);
        for (ServiceProcess child : children) {
            if (!child.awaitExit(Duration.between(Instant.now(), deadline))) {
                Console.warn(child + " did not stop within " + grace.toSeconds() + " s; killing it");
                child.kill();
            }
            child.finishClassData();
            child.stopEcho();
        }
        Console.info("stopped " + children.stream().map(ServiceProcess::name).collect(Collectors.joining(", ")) + " in "
                + (System.nanoTime() - started) / 1_000_000 + " ms");
    }

    private static String describe(Throwable e) {
        StringBuilder message = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null && !message.toString().contains(cause.getMessage())) {
                message.append("; caused by ").append(cause.getMessage());
            }
        }
        return message.toString();
    }
}
