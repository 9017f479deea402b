package dev.agentlocator.platform.kit.background;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every round here asks for a pause of a day, so a second round can only come from a wake-up; the
 * waits below are generous upper bounds for a thread to be scheduled, never the behaviour under test.
 */
class BackgroundLoopTest {

    private static final Duration A_DAY = Duration.ofDays(1);
    private static final long SCHEDULING = 30;

    private final BlockingQueue<Integer> rounds = new LinkedBlockingQueue<>();
    private final AtomicInteger count = new AtomicInteger();
    private BackgroundLoop loop;

    @AfterEach
    void stop() {
        if (loop != null) {
            loop.stop();
        }
    }

    @Test
    void aWakeUpEndsTheSleepAndRunsTheNextRound() throws InterruptedException {
        loop = new BackgroundLoop("test-loop", this::countedRound, e -> A_DAY);
        loop.start();
        assertThat(rounds.poll(SCHEDULING, TimeUnit.SECONDS)).isEqualTo(1);

        loop.wakeUp();

        assertThat(rounds.poll(SCHEDULING, TimeUnit.SECONDS)).isEqualTo(2);
    }

    @Test
    void aWakeUpDuringARoundIsKeptForTheSleepAfterIt() throws InterruptedException {
        var inFirstRound = new CountDownLatch(1);
        var finishFirstRound = new CountDownLatch(1);
        loop = new BackgroundLoop(
                "test-loop",
                () -> {
                    if (count.get() == 0) {
                        inFirstRound.countDown();
                        await(finishFirstRound);
                    }
                    return countedRound();
                },
                e -> A_DAY);
        loop.start();
        assertThat(inFirstRound.await(SCHEDULING, TimeUnit.SECONDS)).isTrue();

        loop.wakeUp();
        finishFirstRound.countDown();

        assertThat(rounds.poll(SCHEDULING, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(rounds.poll(SCHEDULING, TimeUnit.SECONDS)).isEqualTo(2);
    }

    @Test
    void aWakeUpForAnInstantBeforeThePlannedOneRunsTheNextRound() throws InterruptedException {
        loop = new BackgroundLoop("test-loop", this::countedRound, e -> A_DAY);
        loop.start();
        assertThat(rounds.poll(SCHEDULING, TimeUnit.SECONDS)).isEqualTo(1);

        loop.wakeUpIfBefore(Instant.now().plus(Duration.ofHours(1)));

        assertThat(rounds.poll(SCHEDULING, TimeUnit.SECONDS)).isEqualTo(2);
    }

    @Test
    void aFailedRoundPausesAsItsHandlerSaysAndTheLoopGoesOn() throws InterruptedException {
        var failures = new LinkedBlockingQueue<RuntimeException>();
        loop = new BackgroundLoop(
                "test-loop",
                () -> {
                    if (count.get() == 0) {
                        count.incrementAndGet();
                        throw new IllegalStateException("database away");
                    }
                    return countedRound();
                },
                e -> {
                    failures.add(e);
                    return Duration.ZERO;
                });
        loop.start();

        assertThat(failures.poll(SCHEDULING, TimeUnit.SECONDS)).hasMessage("database away");
        assertThat(rounds.poll(SCHEDULING, TimeUnit.SECONDS)).isEqualTo(2);
    }

    @Test
    void stopEndsASleepingLoop() throws InterruptedException {
        loop = new BackgroundLoop("test-loop", this::countedRound, e -> A_DAY);
        loop.start();
        assertThat(rounds.poll(SCHEDULING, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(loop.isRunning()).isTrue();

        loop.stop();

        assertThat(loop.isRunning()).isFalse();
        assertThat(rounds).as("no round after stop").isEmpty();
    }

    private Duration countedRound() {
        rounds.add(count.incrementAndGet());
        return A_DAY;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
