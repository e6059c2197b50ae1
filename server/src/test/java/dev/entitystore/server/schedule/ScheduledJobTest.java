package dev.entitystore.server.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The schedule runs the job again and again, survives a failing run, and stops with the application. */
class ScheduledJobTest {

    @Test
    void runsRepeatedlyEvenAfterAFailedRunAndStopsOnShutdown() throws InterruptedException {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch threeRuns = new CountDownLatch(3);
        ScheduledJob schedule = new ScheduledJob("test job", () -> {
            runs.incrementAndGet();
            threeRuns.countDown();
            if (runs.get() == 1) {
                throw new IllegalStateException("the store went away");
            }
        }, Duration.ofMillis(10), Duration.ofMillis(20));

        schedule.onStartup(null);
        assertThat(threeRuns.await(10, TimeUnit.SECONDS)).as("runs after a failed one").isTrue();
        schedule.onShutdown(null);
        int afterShutdown = runs.get();
        Thread.sleep(100);
        assertThat(runs.get()).as("no run after shutdown").isEqualTo(afterShutdown);
    }

    @Test
    void theFirstRunWaitsForItsDelay() throws InterruptedException {
        AtomicInteger runs = new AtomicInteger();
        ScheduledJob schedule = new ScheduledJob("test job", runs::incrementAndGet, Duration.ofHours(1),
                Duration.ofDays(1));
        schedule.onStartup(null);
        Thread.sleep(100);
        schedule.onShutdown(null);
        assertThat(runs.get()).isZero();
    }

    @Test
    void anIntervalShorterThanTenMinutesAlsoStartsTheFirstRun() throws InterruptedException {
        CountDownLatch twoRuns = new CountDownLatch(2);
        ScheduledJob schedule = ScheduledJob.every("test job", twoRuns::countDown, Duration.ofMillis(50));
        schedule.onStartup(null);
        assertThat(twoRuns.await(10, TimeUnit.SECONDS)).as("first run after one short interval, then again").isTrue();
        schedule.onShutdown(null);

        AtomicInteger runs = new AtomicInteger();
        ScheduledJob daily = ScheduledJob.every("test job", runs::incrementAndGet, Duration.ofDays(1));
        daily.onStartup(null);
        Thread.sleep(100);
        daily.onShutdown(null);
        assertThat(runs.get()).as("a daily schedule waits ten minutes first").isZero();
    }
}
