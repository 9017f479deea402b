package dev.agentlocator.localstack.deploy;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A command-line checker the deployment tests run (promtool, kubectl). In CI a missing one fails
 * the build, because the check must run there; on a developer's machine the test is skipped with
 * a message that says how to install it.
 */
record ExternalTool(String command, String howToInstall) {

    static final ExternalTool PROMTOOL =
            new ExternalTool("promtool", "apt-get install prometheus (Debian's package ships /usr/bin/promtool)");
    static final ExternalTool KUBECTL =
            new ExternalTool("kubectl", "install kubectl 1.27 or newer (it carries kustomize v5)");

    record Result(int exitCode, String output) {}

    /** The tool's path; fails in CI and skips elsewhere when it is not installed. */
    Path require() {
        return require(System.getenv());
    }

    Path require(Map<String, String> environment) {
        Optional<Path> found = Stream.of(environment.getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, command))
                .filter(Files::isExecutable)
                .findFirst();
        if (found.isPresent()) {
            return found.get();
        }
        String message = command + " is not installed, so this check cannot run: " + howToInstall;
        if (inCi(environment)) {
            fail(message + " (.ci/run installs it; CI must not skip this check)");
        }
        Assumptions.abort(message + ". Skipped on this machine; CI runs it.");
        throw new AssertionError("unreachable");
    }

    /** Runs the tool in {@code directory} and returns its exit code and its combined output. */
    Result run(Path directory, String... arguments) {
        List<String> commandLine = new ArrayList<>(List.of(require().toString()));
        commandLine.addAll(List.of(arguments));
        try {
            // Output to a file, so a tool that hangs cannot block the read and escape the timeout.
            Path output = Files.createTempFile(command, ".out");
            try {
                Process process = new ProcessBuilder(commandLine)
                        .directory(directory.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(output.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                        .start();
                if (!process.waitFor(2, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    fail(String.join(" ", commandLine) + " did not finish within 2 minutes");
                }
                return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs the tool and fails with its output unless it exits 0. */
    String succeed(Path directory, String... arguments) {
        Result result = run(directory, arguments);
        if (result.exitCode() != 0) {
            fail(command + " " + String.join(" ", arguments) + " exited " + result.exitCode() + ":\n"
                    + result.output());
        }
        return result.output();
    }

    static boolean inCi(Map<String, String> environment) {
        String ci = environment.get("CI");
        return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false");
    }
}
