package dev.entitystore.domain.transfer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.engine.EngineManager;
import dev.entitystore.domain.error.EntityNotFoundException;
import dev.entitystore.domain.store.EntityStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs import jobs in the background, one at a time per server (they share the store's write path with
 * every other writer), over bodies already spooled to a file. A job's progress is a space setting, written
 * when it starts, about once a second and when it ends; a job that setting calls running but this process
 * does not run was cut off by a stop, and reads as failed at the line it had reached.
 */
public final class ImportJobs implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ImportJobs.class);

    private final EntityStore store;
    private final EngineManager engines;
    private final EntityImport importer;
    private final Map<String, ImportJob> running = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "entity-import");
        thread.setDaemon(true);
        return thread;
    });

    public ImportJobs(EntityStore store, EngineManager engines, Clock clock) {
        this.store = store;
        this.engines = engines;
        this.importer = new EntityImport(store, clock);
    }

    /**
     * Takes the spooled body (this class deletes it when done) and queues the job.
     *
     * @return the job's id
     */
    public String start(String space, Path spooled, TransferFormat format, ImportMode mode, boolean dryRun, boolean force)
            throws IOException {
        engines.requireInstalled(space);
        // Ours from here on: whoever spooled it may clean up its own files when the request ends.
        Path body = Files.createTempFile("entity-import-", ".body");
        Files.move(spooled, body, StandardCopyOption.REPLACE_EXISTING);
        String id = UUID.randomUUID().toString();
        ImportJob job = new ImportJob(id, dryRun);
        EntityImport.Options options = new EntityImport.Options(space, format, mode, dryRun, force);
        save(space, job);
        running.put(key(space, id), job);
        worker.execute(() -> run(job, body, options));
        return id;
    }

    /** Whether a job of any space runs or waits to run here (the scheduled automated resolution gives way then). */
    public boolean busy() {
        return !running.isEmpty();
    }

    /** The job's progress; 404-worthy when this space has no such job. */
    public ObjectNode status(String space, String id) {
        ImportJob live = running.get(key(space, id));
        if (live != null) {
            return ImportJob.answer(live.toJson());
        }
        return store.getSetting(space, ImportJob.settingKey(id))
                .map(stored -> ImportJob.answer(ImportJob.orphaned(stored)))
                .orElseThrow(() -> new EntityNotFoundException("Import job [" + id + "] not found"));
    }

    private void run(ImportJob job, Path body, EntityImport.Options options) {
        try (InputStream in = Files.newInputStream(body)) {
            importer.run(job, in, options, () -> save(options.space(), job));
            job.finish();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            job.abort("The server stopped while the job ran");
        } catch (IOException | RuntimeException e) {
            LOG.warn("Import job {} failed: {}", job.id(), e.getMessage());
            job.abort(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } finally {
            try {
                save(options.space(), job);
            } catch (RuntimeException e) {
                LOG.warn("Import job {}: its end could not be recorded: {}", job.id(), e.getMessage());
            }
            running.remove(key(options.space(), job.id()));
            try {
                Files.deleteIfExists(body);
            } catch (IOException e) {
                LOG.warn("Import job {}: could not delete its spooled body {}", job.id(), body);
            }
        }
    }

    private void save(String space, ImportJob job) {
        store.putSetting(space, ImportJob.settingKey(job.id()), job.toJson());
    }

    private static String key(String space, String id) {
        return space + "/" + id;
    }

    /** Stops the running job (it reads as failed after a restart) before the store closes. */
    @Override
    public void close() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
