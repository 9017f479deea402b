package dev.agentlocator.localstack;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/** Time since this JVM started: what "time to ready" is measured in. */
public final class Uptime {

    private Uptime() {}

    public static double seconds() {
        return ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
    }

    /** e.g. {@code 42.3 s}. */
    public static String format() {
        return String.format(Locale.ROOT, "%.1f s", seconds());
    }
}
