package dev.agentlocator.testkit.bench;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;

/** Measured durations of one benchmark figure, with the percentiles the reports use. */
public final class Samples {

    private final long[] sorted;

    private Samples(long[] values) {
        this.sorted = values.clone();
        Arrays.sort(sorted);
    }

    public static Samples of(long... values) {
        return new Samples(values);
    }

    public static Samples of(Collection<Long> values) {
        return new Samples(values.stream().mapToLong(Long::longValue).toArray());
    }

    public int size() {
        return sorted.length;
    }

    public boolean isEmpty() {
        return sorted.length == 0;
    }

    /** Nearest-rank percentile, {@code p} in (0, 1]. */
    public long percentile(double p) {
        if (sorted.length == 0) {
            throw new IllegalStateException("no samples");
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    public long median() {
        return percentile(0.50);
    }

    public long min() {
        return percentile(0);
    }

    public long max() {
        return percentile(1);
    }

    /** Nanoseconds as milliseconds with two decimals, e.g. {@code 3.14 ms}. */
    public static String millis(long nanos) {
        return String.format(Locale.ROOT, "%,.2f ms", nanos / 1_000_000.0);
    }
}
