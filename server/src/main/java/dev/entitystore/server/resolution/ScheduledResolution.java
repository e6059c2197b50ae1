package dev.entitystore.server.resolution;

import dev.entitystore.domain.resolution.automation.AutomatedResolution;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.glassfish.jersey.server.spi.Container;
import org.glassfish.jersey.server.spi.ContainerLifecycleListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the automated resolution over every installed space on a schedule (daily, as Kibana's
 * {@code automated-resolution} maintainer), on one daemon thread, from the application's start to its stop
 * (before the store closes). A run stopped half-way leaves what it linked: each link is atomic, and the next
 * run carries on from the records as they are.
 */
public final class ScheduledResolution implements ContainerLifecycleListener {
    /** Kibana's interval for the maintainer. */
    public static final Duration DAILY = Duration.ofDays(1);
    /** Not at once: start-up (and the tests' many short-lived servers) should not pay for a run. */
    public static final Duration FIRST_RUN_AFTER = Duration.ofMinutes(10);
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledResolution.class);

    private final Runnable job;
    private final Duration firstRunAfter;
    private final Duration interval;
    private ScheduledExecutorService executor;

    /** {@code job}: a run over every installed space ({@link AutomatedResolution#runEverySpace}). */
    public ScheduledResolution(Runnable job, Duration firstRunAfter, Duration interval) {
        this.job = job;
        this.firstRunAfter = firstRunAfter;
        this.interval = interval;
    }

    @Override
    public synchronized void onStartup(Container container) {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "automated-resolution");
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
            LOG.warn("automated resolution run failed, the next run tries again: {}", failure.toString());
        }
    }
}
