package dev.entitystore.server.schedule;

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
 * Runs a background job of the application on a schedule (the automated resolution, the pruning of
 * idempotency keys, history snapshots, history retention), on one daemon thread named for it, from the
 * application's start to its stop (before the store closes). A failed run is logged and the next one runs as
 * planned. A run stopped half-way must leave nothing half-done: each job's unit of work is atomic (a link, a
 * key's removal, a snapshot, a pruned change).
 */
public final class ScheduledJob implements ContainerLifecycleListener {
    /** Not at once: start-up should not pay for a run (tests turn the resolution schedule off altogether). */
    public static final Duration FIRST_RUN_AFTER = Duration.ofMinutes(10);
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledJob.class);

    private final String name;
    private final Runnable job;
    private final Duration firstRunAfter;
    private final Duration interval;
    private ScheduledExecutorService executor;
    private ScheduledFuture<?> next;

    /** @param name the thread's name and the log's, e.g. {@code automated-resolution} */
    public ScheduledJob(String name, Runnable job, Duration firstRunAfter, Duration interval) {
        this.name = name;
        this.job = job;
        this.firstRunAfter = firstRunAfter;
        this.interval = interval;
    }

    /** Every {@code interval}, the first run {@link #FIRST_RUN_AFTER} after start, or one interval if shorter. */
    public static ScheduledJob every(String name, Runnable job, Duration interval) {
        return new ScheduledJob(name, job, interval.compareTo(FIRST_RUN_AFTER) < 0 ? interval : FIRST_RUN_AFTER, interval);
    }

    @Override
    public synchronized void onStartup(Container container) {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
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

    /** Stops the schedule (a run in progress is interrupted and awaited); no run starts after it. Idempotent. */
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
            LOG.warn("{} run failed, the next run tries again: {}", name, failure.toString());
        }
    }
}
