package dev.agentlocator.telephony.providers;

import java.time.Duration;

/**
 * The time a webhook has left, and how much of it went to providers (what the benchmark subtracts
 * to get the pipeline's own overhead). One per request thread; not shared.
 */
public final class Deadline {

    private final long start;
    private final long end;
    private long providerNanos;

    private Deadline(Duration budget) {
        this.start = System.nanoTime();
        this.end = start + budget.toNanos();
    }

    public static Deadline in(Duration budget) {
        return new Deadline(budget);
    }

    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, end - System.nanoTime()));
    }

    public boolean expired() {
        return System.nanoTime() >= end;
    }

    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Time spent waiting for providers so far. */
    public Duration providerTime() {
        return Duration.ofNanos(providerNanos);
    }

    void addProviderTime(long nanos) {
        providerNanos += nanos;
    }
}
