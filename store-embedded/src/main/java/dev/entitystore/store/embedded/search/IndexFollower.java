package dev.entitystore.store.embedded.search;

import dev.entitystore.domain.store.Change;
import dev.entitystore.domain.store.CommitListener;
import dev.entitystore.domain.store.CommittedChange;
import java.io.IOException;
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
 * Keeps the index in step with the store: one thread applies each commit's changes in commit order and
 * answers once they are searchable. Commits that arrive while it works are taken together. A few records
 * become searchable at once as recent writes beside the segments ({@link LuceneEntityIndex#applyRecent}),
 * and a second thread refreshes every {@value #REFRESH_INTERVAL_MILLIS} ms to fold them in: a refresh
 * flushes a segment, opens it and resolves every delete in every segment, milliseconds of work at 1M
 * records that a single write no longer waits for. Larger batches (a bulk), space deletions, and writes
 * that find too many recent ones held already are applied and refreshed before the answer, as before:
 * one refresh shared by many records costs little per record, and recent writes cost memory and a
 * little of every search. Before following, it catches up from the store ({@link IndexCatchUp}).
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
    /** How often recent writes are folded into the segments. */
    static final long REFRESH_INTERVAL_MILLIS = 100;
    /** Batches of up to this many changes are answered as recent writes. */
    static final int RECENT_BATCH = 32;
    /** At most this many recent writes are held (a MemoryIndex holds tens of KB per record). */
    static final int RECENT_LIMIT = 256;

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
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "search-index-refresher");
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
        refresher.scheduleWithFixedDelay(this::refreshRecent, REFRESH_INTERVAL_MILLIS, REFRESH_INTERVAL_MILLIS,
                TimeUnit.MILLISECONDS);
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
        stopRefreshing();
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
        stop(committer, "commit");
    }

    private void stopRefreshing() {
        stop(refresher, "refresh");
    }

    /** Stops the background refreshes and commits (tests that crash the index under the follower). */
    void stopBackground() {
        stopRefreshing();
        stopCommitting();
    }

    private static void stop(ScheduledExecutorService executor, String what) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(60, TimeUnit.SECONDS)) {
                LOG.warn("search index {} still running after 60 s", what);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void apply(List<Batch> batches) {
        try {
            if (asRecentWrites(batches)) {
                for (Batch batch : batches) {
                    List<CommittedChange> changes = batch.changes();
                    index.applyRecent(changes, changes.get(changes.size() - 1).seqNo());
                }
            } else {
                for (Batch batch : batches) {
                    List<CommittedChange> changes = batch.changes();
                    index.apply(changes, changes.get(changes.size() - 1).seqNo());
                }
                index.refresh();
            }
            batches.forEach(batch -> batch.searchable().complete(null));
        } catch (Exception | Error e) {
            failed = true;
            batches.forEach(batch -> batch.searchable().completeExceptionally(e));
        }
    }

    private boolean asRecentWrites(List<Batch> batches) {
        int changes = 0;
        for (Batch batch : batches) {
            for (CommittedChange change : batch.changes()) {
                if (change.kind() == Change.Kind.SPACE_DELETED) {
                    return false;
                }
            }
            changes += batch.changes().size();
        }
        return changes <= RECENT_BATCH && index.recentCount() + changes <= RECENT_LIMIT;
    }

    private void refreshRecent() {
        if (index.recentCount() == 0) {
            return;
        }
        try {
            index.refresh();
        } catch (IOException | RuntimeException e) {
            failed = true;
            LOG.error("search index refresh failed; recent writes stay searchable, the segments fall behind", e);
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
            stopRefreshing();
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
