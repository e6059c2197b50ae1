package dev.entitystore.server.schedule;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.glassfish.jersey.server.spi.Container;
import org.glassfish.jersey.server.spi.ContainerLifecycleListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a background job of the application on a schedule (the automated resolution, the pruning of
 * idempotency keys), on one daemon thread named for it, from the application's start to its stop (before the
 * store closes). A failed run is logged and the next one runs as planned.
 */
public final class ScheduledJob implements ContainerLifecycleListener {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledJob.class);

    private final String name;
    private final Runnable job;
    private final Duration firstRunAfter;
    private final Duration interval;
    private ScheduledExecutorService executor;

    /** @param name the thread's name and the log's, e.g. {@code automated-resolution} */
    public ScheduledJob(String name, Runnable job, Duration firstRunAfter, Duration interval) {
        this.name = name;
        this.job = job;
        this.firstRunAfter = firstRunAfter;
        this.interval = interval;
    }

    @Override
    public synchronized void onStartup(Container container) {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::runOnce, firstRunAfter.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void onReload(Container container) {
    }

    @Override
    public synchronized void onShutdown(Container container) {
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
