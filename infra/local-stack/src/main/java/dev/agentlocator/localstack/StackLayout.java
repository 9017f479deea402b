package dev.agentlocator.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where things are: the repository root (the nearest directory upwards holding {@code mvnw}) and,
 * under its git-ignored {@code .local-stack/}, the Kafka and PostgreSQL data and the logs.
 */
public record StackLayout(Path root) {

    public static StackLayout locate(Path workingDir, Path fallback) {
        return findRoot(workingDir)
                .or(() -> fallback == null ? Optional.empty() : findRoot(fallback))
                .map(StackLayout::new)
                .orElseThrow(() ->
                        new IllegalStateException("Cannot find the repository root (a directory holding mvnw) above "
                                + workingDir + "; run the launcher from inside the repository"));
    }

    static Optional<Path> findRoot(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    public Path stateDir() {
        return root.resolve(".local-stack");
    }

    public Path kafkaDir() {
        return stateDir().resolve("kafka");
    }

    public Path postgresDir() {
        return stateDir().resolve("postgres");
    }

    public Path logDir() {
        return stateDir().resolve("logs");
    }

    public Path logFile(ServiceSpec spec) {
        return logDir().resolve(spec.name() + ".log");
    }

    /** A path as the user sees it: relative to the repository root. */
    public String display(Path path) {
        return path.startsWith(root) ? root.relativize(path).toString() : path.toString();
    }

    public void createDirectories() {
        try {
            Files.createDirectories(logDir());
            Files.createDirectories(kafkaDir().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + stateDir(), e);
        }
    }
}
