package dev.agentlocator.platform.kit.background;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One daemon thread that runs rounds of work and sleeps between them until its pause is over or it
 * is woken: the outbox relay and the due scheduler both work this way. A wake-up that comes while
 * a round runs is kept, so the sleep after that round ends at once and nothing waits a whole pause
 * for work that arrived mid-round.
 */
public final class BackgroundLoop {

    private final String name;
    private final Supplier<Duration> round;
    private final Function<RuntimeException, Duration> afterFailure;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    /** When the sleeping thread plans to run next; meaningful while {@link #sleeping}. */
    private Instant plannedWake = Instant.MIN;

    private boolean sleeping;
    private boolean woken;
    private volatile boolean running;
    private Thread thread;

    /**
     * @param round one round of work; returns how long to pause before the next (zero: go on now)
     * @param afterFailure the pause after a round that threw, given what it threw (it logs it)
     */
    public BackgroundLoop(String name, Supplier<Duration> round, Function<RuntimeException, Duration> afterFailure) {
        this.name = name;
        this.round = round;
        this.afterFailure = afterFailure;
    }

    /** Run the next round now: at once if sleeping, right after the current round otherwise. */
    public void wakeUp() {
        lock.lock();
        try {
            woken = true;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** {@link #wakeUp()} unless the thread already sleeps until no later than {@code instant}. */
    public void wakeUpIfBefore(Instant instant) {
        lock.lock();
        try {
            if (!sleeping || instant.isBefore(plannedWake)) {
                woken = true;
                wake.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    public void start() {
        running = true;
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Ends the loop, waking it if it sleeps, and waits up to ten seconds for the round in progress. */
    public void stop() {
        running = false;
        wakeUp();
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public boolean isRunning() {
        return running;
    }

    private void loop() {
        while (running) {
            Duration pause;
            try {
                pause = round.get();
            } catch (RuntimeException e) {
                pause = afterFailure.apply(e);
            }
            sleep(pause);
        }
    }

    private void sleep(Duration pause) {
        lock.lock();
        try {
            plannedWake = Instant.now().plus(pause);
            sleeping = true;
            long nanos = pause.toNanos();
            while (running && !woken && nanos > 0) {
                nanos = wake.awaitNanos(nanos);
            }
            woken = false;
            sleeping = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }
}
