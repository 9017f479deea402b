package dev.agentlocator.billing;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A PDF as poppler's {@code pdftotext} reads it: the text a person copying out of a viewer gets. Its
 * bidi reconstruction puts Hebrew words in logical order but may move neutral characters around
 * numbers (":" and "₪" end up beside the number's other side), so tests compare Hebrew phrases exactly
 * and look for the numbers on the same line. Bidi control characters are dropped.
 *
 * <p>{@code pdftotext} comes from Debian's poppler-utils; without it the test is skipped with the
 * install hint on a developer's machine and fails in CI, which installs it.
 */
public final class PdfText {

    private final List<String> lines;

    private PdfText(String text) {
        this.lines = text.replaceAll("[\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]", "")
                .lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .toList();
    }

    public static PdfText of(byte[] pdf) {
        Path binary = pdftotext();
        try {
            Path in = Files.createTempFile("document", ".pdf");
            Path out = Files.createTempFile("document", ".txt");
            try {
                Files.write(in, pdf);
                Process process = new ProcessBuilder(
                                binary.toString(), "-layout", "-enc", "UTF-8", in.toString(), out.toString())
                        .redirectErrorStream(true)
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                        .start();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    fail("pdftotext failed: " + output);
                }
                return new PdfText(Files.readString(out, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(in);
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public List<String> lines() {
        return lines;
    }

    /** The one line holding {@code phrase} (a Hebrew phrase, in logical order); fails if none. */
    public String line(String phrase) {
        return lines.stream()
                .filter(l -> l.contains(phrase))
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError("no line with \"" + phrase + "\" in:\n" + String.join("\n", lines)));
    }

    /** The one line starting with {@code phrase}; fails if none. */
    public String lineStarting(String phrase) {
        return lines.stream()
                .filter(l -> l.startsWith(phrase))
                .findFirst()
                .orElseThrow(() ->
                        new AssertionError("no line starting \"" + phrase + "\" in:\n" + String.join("\n", lines)));
    }

    public boolean has(String phrase) {
        return lines.stream().anyMatch(l -> l.contains(phrase));
    }

    public String text() {
        return String.join("\n", lines);
    }

    private static Path pdftotext() {
        var found = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "pdftotext"))
                .filter(Files::isExecutable)
                .findFirst();
        if (found.isPresent()) {
            return found.get();
        }
        String message = "pdftotext is not installed: apt-get install poppler-utils";
        String ci = System.getenv("CI");
        if (ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false")) {
            fail(message + " (.ci/run installs it; CI must not skip this check)");
        }
        Assumptions.abort(message + ". Skipped on this machine; CI runs it.");
        throw new AssertionError("unreachable");
    }
}
