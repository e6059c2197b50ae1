package dev.entitystore.store.embedded.search;

import dev.entitystore.domain.store.CommitListener;
import dev.entitystore.domain.store.CommittedChange;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the index in step with the store: one thread applies each commit's changes in commit order, then
 * refreshes and answers. Commits that arrive while it works are taken together and share one refresh,
 * as the store's writers share one fsync. Before following, it catches up from the store
 * ({@link IndexCatchUp}).
 *
 * <p>Every few seconds a second thread commits the index with its seqNo, and the follower commits once
 * more when it stops. Not on the follower's thread: a commit fsyncs every new segment file, which on a
 * busy disk takes seconds, and every write's answer waits for the follower (the soak saw answers stall
 * behind it). Lucene commits concurrently with indexing and refreshing.
 */
final class IndexFollower implements CommitListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IndexFollower.class);

    private record Batch(List<CommittedChange> changes, CompletableFuture<Void> searchable) {}

    private static final Batch STOP = new Batch(List.of(), new CompletableFuture<>());

    private final LuceneEntityIndex index;
    private final long commitIntervalMillis;
    private final LinkedBlockingQueue<Batch> queue = new LinkedBlockingQueue<>();
    private final CompletableFuture<Void> caughtUp = new CompletableFuture<>();
    private final Thread thread;
    private final ScheduledExecutorService committer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "search-index-committer");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Runnable catchUp;
    private volatile boolean failed;

    IndexFollower(LuceneEntityIndex index, long commitIntervalMillis) {
        this.index = index;
        this.commitIntervalMillis = commitIntervalMillis;
        this.thread = new Thread(this::run, "search-index-follower");
        this.thread.setDaemon(true);
    }

    /** Starts: first {@code catchUp} (from the store, up to where following began), then the commits. */
    void start(Runnable catchUpFirst) {
        this.catchUp = catchUpFirst;
        thread.start();
    }

    /** Completes when the start-up catch-up is done. */
    CompletableFuture<Void> caughtUp() {
        return caughtUp;
    }

    boolean healthy() {
        return !failed;
    }

    @Override
    public CompletionStage<Void> committed(List<CommittedChange> changes) {
        Batch batch = new Batch(changes, new CompletableFuture<>());
        queue.add(batch);
        return batch.searchable();
    }

    private void run() {
        try {
            catchUp.run();
            caughtUp.complete(null);
        } catch (RuntimeException e) {
            failed = true;
            LOG.error("search index catch-up failed; listing answers from an incomplete index until a restart", e);
            caughtUp.completeExceptionally(e);
        }
        committer.scheduleWithFixedDelay(this::commit, commitIntervalMillis, commitIntervalMillis, TimeUnit.MILLISECONDS);
        List<Batch> taken = new ArrayList<>();
        boolean stop = false;
        while (!stop) {
            Batch first = take();
            taken.clear();
            taken.add(first);
            queue.drainTo(taken);
            stop = taken.remove(STOP);
            if (!taken.isEmpty()) {
                apply(taken);
            }
        }
        stopCommitting();
        commit();
    }

    private Batch take() {
        while (true) {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                // only close() stops this thread, through STOP
            }
        }
    }

    /** Stops the periodic commits and waits for one in progress. */
    void stopCommitting() {
        committer.shutdown();
        try {
            if (!committer.awaitTermination(60, TimeUnit.SECONDS)) {
                LOG.warn("search index commit still running after 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void apply(List<Batch> batches) {
        try {
            for (Batch batch : batches) {
                List<CommittedChange> changes = batch.changes();
                index.apply(changes, changes.get(changes.size() - 1).seqNo());
            }
            index.refresh();
            batches.forEach(batch -> batch.searchable().complete(null));
        } catch (Exception | Error e) {
            failed = true;
            batches.forEach(batch -> batch.searchable().completeExceptionally(e));
        }
    }

    private void commit() {
        try {
            index.commit();
        } catch (RuntimeException e) {
            LOG.warn("search index commit failed (retried at the next interval): {}", e.getMessage());
        }
    }

    /** Applies what is queued, commits, stops the threads. */
    @Override
    public void close() {
        if (!thread.isAlive()) {
            stopCommitting();
            return;
        }
        queue.add(STOP);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(60));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
