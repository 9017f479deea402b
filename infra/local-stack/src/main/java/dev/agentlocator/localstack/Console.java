package dev.agentlocator.localstack;

import java.io.PrintStream;
import java.util.List;

/** The launcher's own console lines: plain text, prefixed {@code [local-stack]}, no colours. */
public final class Console {

    private static final String PREFIX = "[local-stack] ";
    private static final PrintStream OUT = System.out;

    private Console() {}

    public static void info(String message) {
        print(PREFIX + message);
    }

    public static void warn(String message) {
        print(PREFIX + "WARNING: " + message);
    }

    public static void error(String message) {
        print(PREFIX + "ERROR: " + message);
    }

    /** A line printed exactly as given, for the lines other tools look for. */
    public static void plain(String line) {
        print(line);
    }

    /** The tail of a child's log, indented under a heading so it stands out from our own lines. */
    public static void block(String heading, List<String> lines) {
        synchronized (OUT) {
            OUT.println(PREFIX + heading);
            if (lines.isEmpty()) {
                OUT.println("    (the log is empty)");
            }
            for (String line : lines) {
                OUT.println("    | " + line);
            }
            OUT.flush();
        }
    }

    private static void print(String line) {
        synchronized (OUT) {
            OUT.println(line);
            OUT.flush();
        }
    }
}
