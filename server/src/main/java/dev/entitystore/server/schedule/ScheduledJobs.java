package dev.entitystore.server.schedule;

import java.util.List;
import org.glassfish.jersey.server.spi.Container;
import org.glassfish.jersey.server.spi.ContainerLifecycleListener;

/**
 * The application's schedules, registered with Jersey as one component: Jersey keeps one registration per
 * class, so a second {@link ScheduledJob} registered on its own was dropped and never started.
 */
public final class ScheduledJobs implements ContainerLifecycleListener {
    private final List<ScheduledJob> jobs;

    public ScheduledJobs(List<ScheduledJob> jobs) {
        this.jobs = List.copyOf(jobs);
    }

    @Override
    public void onStartup(Container container) {
        jobs.forEach(job -> job.onStartup(container));
    }

    @Override
    public void onReload(Container container) {
    }

    @Override
    public void onShutdown(Container container) {
        stop();
    }

    /** Stops every schedule; a run in progress is interrupted and awaited. */
    public void stop() {
        jobs.forEach(ScheduledJob::stop);
    }
}
