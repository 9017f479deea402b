package dev.agentlocator.localstack.process;

import dev.agentlocator.localstack.Console;
import dev.agentlocator.localstack.ServiceSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Application class-data sharing, which halves a child's start-up on a small machine.
 *
 * <p>A child runs from its jar extracted under {@code .local-stack/cds/<name>/app} (CDS cannot
 * archive classes read from nested jars). The first run after a build records its classes with
 * {@code -XX:ArchiveClassesAtExit}, which the JVM writes when the child is stopped; the archive is
 * kept only if the child was stopped by us and exited cleanly. Later runs map it with
 * {@code -XX:SharedArchiveFile}. Everything is redone when the jar, the JDK or the JVM flags
 * change; any failure falls back to running the jar as built.
 */
public final class ClassDataSharing {

    /** How one child is launched: its jar, extra JVM flags, and what to do with a fresh archive after it exits. */
    public record Plan(Path jar, List<String> javaOptions, Path trainingArchive, Path archive) {

        /** The jar as built, no class-data sharing. */
        public static Plan plain(Path jar) {
            return new Plan(jar, List.of(), null, null);
        }

        public boolean training() {
            return trainingArchive != null;
        }

        /** After the child exited: keep the recorded archive if it was stopped cleanly, else drop it. */
        public void finish(boolean stoppedCleanly) {
            if (trainingArchive == null || !Files.exists(trainingArchive)) {
                return;
            }
            try {
                if (stoppedCleanly && Files.size(trainingArchive) > 0) {
                    Files.move(trainingArchive, archive, StandardCopyOption.REPLACE_EXISTING);
                } else {
                    Files.deleteIfExists(trainingArchive);
                }
            } catch (IOException e) {
                // a missing archive only costs start-up time next run
            }
        }
    }

    private final Path cacheDir;
    private final List<String> javaOptions;

    public ClassDataSharing(Path cacheDir, List<String> javaOptions) {
        this.cacheDir = cacheDir;
        this.javaOptions = javaOptions;
    }

    /** Prepares {@code spec}'s launch: extracts its jar when needed and picks training or use of the archive. */
    public Plan prepare(ServiceSpec spec, Path sourceJar) {
        Path dir = cacheDir.resolve(spec.name());
        Path appDir = dir.resolve("app");
        Path extractedJar = appDir.resolve(sourceJar.getFileName());
        Path stampFile = dir.resolve("stamp");
        Path archive = dir.resolve(spec.name() + ".jsa");
        Path training = dir.resolve(spec.name() + ".jsa.training");
        try {
            String stamp = stamp(sourceJar);
            if (!Files.isRegularFile(extractedJar)
                    || !Files.isRegularFile(stampFile)
                    || !stamp.equals(Files.readString(stampFile, StandardCharsets.UTF_8))) {
                deleteRecursively(dir);
                Files.createDirectories(dir);
                if (!extract(sourceJar, appDir, dir.resolve("extract.log"))) {
                    Console.warn("could not extract " + sourceJar.getFileName() + " for class-data sharing (see "
                            + dir.resolve("extract.log") + "); running it as built");
                    return Plan.plain(sourceJar);
                }
                Files.writeString(stampFile, stamp, StandardCharsets.UTF_8);
            }
            Files.deleteIfExists(training);
            if (Files.isRegularFile(archive) && Files.size(archive) > 0) {
                return new Plan(extractedJar, List.of("-XX:SharedArchiveFile=" + archive), null, archive);
            }
            // -Xlog:cds=off: recording warns about every class it cannot archive (signed jars, old class files).
            return new Plan(
                    extractedJar, List.of("-XX:ArchiveClassesAtExit=" + training, "-Xlog:cds=off"), training, archive);
        } catch (IOException | UncheckedIOException e) {
            Console.warn("class-data sharing unavailable for " + spec.name() + ": " + e.getMessage());
            return Plan.plain(sourceJar);
        }
    }

    /** What the cache depends on: the jar as built, the JDK and the children's JVM flags. */
    private String stamp(Path jar) throws IOException {
        return String.join(
                "\n",
                jar.toAbsolutePath().toString(),
                String.valueOf(Files.size(jar)),
                String.valueOf(Files.getLastModifiedTime(jar).toMillis()),
                System.getProperty("java.home"),
                System.getProperty("java.vm.version"),
                String.join(" ", javaOptions));
    }

    /** {@code java -Djarmode=tools -jar app.jar extract}: the jar plus {@code lib/}, as Spring Boot documents for CDS. */
    private static boolean extract(Path jar, Path destination, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(JavaCommand.javaExecutable().toString());
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Djarmode=tools");
        command.add("-jar");
        command.add(jar.toString());
        command.add("extract");
        command.add("--destination");
        command.add(destination.toString());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return false;
        }
        return process.exitValue() == 0 && Files.isRegularFile(destination.resolve(jar.getFileName()));
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
