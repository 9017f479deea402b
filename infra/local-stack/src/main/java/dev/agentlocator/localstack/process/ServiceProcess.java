package dev.agentlocator.localstack.process;

import dev.agentlocator.localstack.ServiceSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A child JVM of the stack: started with its output going to its log file, stopped politely then firmly. */
public final class ServiceProcess {

    private final ServiceSpec spec;
    private final Path logFile;
    private final Process process;
    private final LogEcho echo;
    private final ClassDataSharing.Plan plan;
    private volatile boolean stopRequested;
    private volatile boolean killed;
    private volatile boolean becameReady;

    private ServiceProcess(ServiceSpec spec, Path logFile, Process process, LogEcho echo, ClassDataSharing.Plan plan) {
        this.spec = spec;
        this.logFile = logFile;
        this.process = process;
        this.echo = echo;
        this.plan = plan;
    }

    /**
     * Starts {@code spec}'s jar as {@code plan} says, in {@code workDir} with exactly {@code
     * environment}; stdout and stderr go to {@code logFile} (truncated), and are also echoed to the
     * console when {@code echo}.
     */
    public static ServiceProcess start(
            ServiceSpec spec,
            ClassDataSharing.Plan plan,
            List<String> javaOptions,
            Map<String, String> environment,
            Path workDir,
            Path logFile,
            boolean echo) {
        List<String> options = new java.util.ArrayList<>(javaOptions);
        options.addAll(plan.javaOptions());
        List<String> command = JavaCommand.of(plan.jar(), options);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        builder.environment().clear();
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            return new ServiceProcess(spec, logFile, process, echo ? LogEcho.start(logFile, spec.tag()) : null, plan);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + spec.name() + ": " + e.getMessage(), e);
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    public ServiceSpec spec() {
        return spec;
    }

    public String name() {
        return spec.name();
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code, or -1 while it runs. */
    public int exitCode() {
        return process.isAlive() ? -1 : process.exitValue();
    }

    public CompletableFuture<ServiceProcess> onExit() {
        return process.onExit().thenApply(p -> this);
    }

    public List<String> tail(int lines) {
        return LogTail.lastLines(logFile, lines);
    }

    /** Asks it to stop (SIGTERM: Spring shuts down gracefully and deregisters from Eureka). */
    public void requestStop() {
        stopRequested = true;
        if (process.isAlive()) {
            process.destroy();
        }
    }

    /** Waits until it has exited; {@code true} when it has. */
    public boolean awaitExit(Duration timeout) {
        try {
            return process.waitFor(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /** Kills it and anything it started (SIGKILL). */
    public void kill() {
        killed = true;
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(5));
    }

    /** Noted by the readiness check: the child answered healthy at least once. */
    public void markReady() {
        becameReady = true;
    }

    /** Whether class data is being recorded this run (the archive is written when the child stops). */
    public boolean recordingClassData() {
        return plan.training();
    }

    /** Whether stopping it now should leave a class-data archive worth keeping. */
    public boolean savesClassData() {
        return plan.training() && becameReady && process.isAlive();
    }

    /**
     * After it exited: keeps a class-data archive recorded this run only if the child had become
     * ready (so the archive holds a whole start-up), we stopped it and it exited on its own (0, or
     * 130/143 for SIGINT/SIGTERM); never after a crash or a kill.
     */
    public void finishClassData() {
        int code = process.isAlive() ? -1 : process.exitValue();
        plan.finish(becameReady && stopRequested && !killed && (code == 0 || code == 130 || code == 143));
    }

    public void stopEcho() {
        if (echo != null) {
            echo.stop();
        }
    }

    @Override
    public String toString() {
        return spec.name() + " (pid " + process.pid() + ")";
    }
}
