package dev.entitystore.domain.transfer;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The import's batches in the store: up to {@value #DEPTH} at once, so that the store prepares one while it
 * writes and indexes the other (a store answers a batch only once it is searchable, and one batch at a time
 * left it waiting on itself). Two batches in the store together name different records, so their order
 * does not matter; a batch that names a record of one still in the store waits for it, which keeps the
 * lines of one record in body order. The job's line is the first line of the oldest batch not yet answered.
 */
final class BatchesInStore implements AutoCloseable {
    /** As many as the {@code bulk} figure's clients; the store's write bound keeps room for other writers. */
    static final int DEPTH = 2;

    private record InStore(Future<?> applying, Set<String> ids, long firstLine, long endLine) {
    }

    private final ImportJob job;
    private final ExecutorService appliers;
    private final Deque<InStore> inStore = new ArrayDeque<>();

    BatchesInStore(ImportJob job) {
        this.job = job;
        this.appliers = Executors.newFixedThreadPool(DEPTH, runnable -> {
            Thread thread = new Thread(runnable, "entity-import-apply");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Hands a batch of lines {@code [firstLine, endLine)} naming {@code ids} to the store, once it may go. */
    void submit(Set<String> ids, long firstLine, long endLine, Callable<Void> apply) throws InterruptedException {
        while (inStore.size() >= DEPTH || namesOneInStore(ids)) {
            awaitOldest();
        }
        if (inStore.isEmpty()) {
            job.reached(firstLine);
        }
        inStore.add(new InStore(appliers.submit(apply), ids, firstLine, endLine));
    }

    /** Waits for every batch in the store; the first failure is the job's. */
    void awaitAll() throws InterruptedException {
        while (!inStore.isEmpty()) {
            awaitOldest();
        }
    }

    private boolean namesOneInStore(Set<String> ids) {
        for (InStore batch : inStore) {
            if (!Collections.disjoint(batch.ids(), ids)) {
                return true;
            }
        }
        return false;
    }

    private void awaitOldest() throws InterruptedException {
        InStore oldest = inStore.peekFirst();
        try {
            oldest.applying().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof InterruptedException stopped) {
                throw stopped;
            }
            throw new IllegalStateException(e.getCause());
        }
        inStore.removeFirst();
        job.reached(inStore.isEmpty() ? oldest.endLine() : inStore.peekFirst().firstLine());
    }

    /** Batches in the store finish (each record is atomic): the job's counts then say what was applied. */
    @Override
    public void close() throws InterruptedException {
        appliers.shutdownNow();
        appliers.awaitTermination(30, TimeUnit.SECONDS);
    }
}
