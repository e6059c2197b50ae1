package dev.entitystore.server.resolution;

import dev.entitystore.domain.resolution.automation.AutomatedResolution;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.glassfish.jersey.server.spi.Container;
import org.glassfish.jersey.server.spi.ContainerLifecycleListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the automated resolution over every installed space on a schedule ({@code --resolution-interval}: daily
 * by default, as Kibana's {@code automated-resolution} maintainer), on one daemon thread, from the application's start to its stop
 * (before the store closes). A run stopped half-way leaves what it linked: each link is atomic, and the next
 * run carries on from the records as they are.
 */
public final class ScheduledResolution implements ContainerLifecycleListener {
    /** Not at once: start-up should not pay for a run (tests turn the schedule off altogether). */
    public static final Duration FIRST_RUN_AFTER = Duration.ofMinutes(10);
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledResolution.class);

    private final Runnable job;
    private final Duration firstRunAfter;
    private final Duration interval;
    private ScheduledExecutorService executor;
    private ScheduledFuture<?> next;

    /** {@code job}: a run over every installed space ({@link AutomatedResolution#runEverySpace}). */
    public ScheduledResolution(Runnable job, Duration firstRunAfter, Duration interval) {
        this.job = job;
        this.firstRunAfter = firstRunAfter;
        this.interval = interval;
    }

    /** Every {@code interval}, the first run {@link #FIRST_RUN_AFTER} after start, or one interval if shorter. */
    public static ScheduledResolution every(Runnable job, Duration interval) {
        return new ScheduledResolution(job, interval.compareTo(FIRST_RUN_AFTER) < 0 ? interval : FIRST_RUN_AFTER, interval);
    }

    @Override
    public synchronized void onStartup(Container container) {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "automated-resolution");
            thread.setDaemon(true);
            return thread;
        });
        next = executor.scheduleWithFixedDelay(this::runOnce, firstRunAfter.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** When the next run starts (now while one runs); empty before start-up and after shutdown. */
    public synchronized Optional<Instant> nextRun() {
        if (next == null || executor.isShutdown()) {
            return Optional.empty();
        }
        return Optional.of(Instant.now().plusMillis(Math.max(0, next.getDelay(TimeUnit.MILLISECONDS))));
    }

    /** The interval between runs. */
    public Duration interval() {
        return interval;
    }

    @Override
    public void onReload(Container container) {
    }

    @Override
    public void onShutdown(Container container) {
        stop();
    }

    /** Stops the schedule (a run in progress is interrupted and awaited); no run starts after it. */
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void runOnce() {
        try {
            job.run();
        } catch (RuntimeException failure) {
            // A failed run must not cancel the schedule (an exception would end it).
            LOG.warn("automated resolution run failed, the next run tries again: {}", failure.toString());
        }
    }
}
