package dev.agentlocator.localstack.checks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The stack's footprint: resident memory of this JVM and every process it started. */
public final class Measurement {

    private Measurement() {}

    /** Sum of {@code VmRSS} of this process and all its descendants in MB, or -1 without {@code /proc}. */
    public static long totalRssMb() {
        if (!Files.isDirectory(Path.of("/proc/self"))) {
            return -1;
        }
        long kb = Stream.concat(
                        Stream.of(ProcessHandle.current()),
                        ProcessHandle.current().descendants())
                .mapToLong(p -> rssKb(p.pid()))
                .sum();
        return Math.round(kb / 1024.0);
    }

    static long rssKb(long pid) {
        try {
            return rssKb(Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")));
        } catch (IOException | RuntimeException e) {
            return 0; // the process ended meanwhile
        }
    }

    /** The {@code VmRSS:} value in kB of a {@code /proc/<pid>/status} text. */
    static long rssKb(List<String> statusLines) {
        for (String line : statusLines) {
            if (line.startsWith("VmRSS:")) {
                String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
                return Long.parseLong(parts[0]);
            }
        }
        return 0;
    }

    /** The line {@code make bench} reads. */
    public static String line(double readySeconds, long rssMb) {
        return String.format(Locale.ROOT, "measure: ready_seconds=%.1f rss_mb=%d", readySeconds, rssMb);
    }
}
