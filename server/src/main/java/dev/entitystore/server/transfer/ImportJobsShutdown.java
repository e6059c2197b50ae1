package dev.entitystore.server.transfer;

import dev.entitystore.domain.transfer.ImportJobs;
import org.glassfish.jersey.server.spi.Container;
import org.glassfish.jersey.server.spi.ContainerLifecycleListener;

/** Stops the import worker when the application stops, before the store it writes to closes. */
public final class ImportJobsShutdown implements ContainerLifecycleListener {
    private final ImportJobs jobs;

    public ImportJobsShutdown(ImportJobs jobs) {
        this.jobs = jobs;
    }

    @Override
    public void onStartup(Container container) {
    }

    @Override
    public void onReload(Container container) {
    }

    @Override
    public void onShutdown(Container container) {
        jobs.close();
    }
}
