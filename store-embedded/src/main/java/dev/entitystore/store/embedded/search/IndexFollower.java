package dev.entitystore.store.embedded.search;

import dev.entitystore.domain.error.StoreUnavailableException;
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
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the index in step with the store: one thread applies each commit's changes to the index writer in
 * commit order. Commits that arrive while it works are taken together. Before following, it catches up
 * from the store ({@link IndexCatchUp}).
 *
 * <p>A write is answered once committed to the store, before it is in the index, as long as the follower is
 * at most {@link #MAX_LAG_RECORDS} records behind; past that, writes are answered when applied, which holds
 * the writers back to the index's pace. A search first waits until every change committed before it started
 * is applied ({@link #awaitApplied}), then refreshes if its searcher is behind ({@link LuceneEntityIndex#withSearcher}):
 * so a write is listed by any search that starts after its answer, the follower runs beside the writer
 * instead of behind it, and a refresh is paid once per search that follows writes rather than once per
 * write group.
 *
 * <p>While searches come, a refresh every {@link #REFRESH_INTERVAL_MILLIS} in the background keeps what a
 * search has to refresh small; once none came for {@link #SEARCH_IDLE_AFTER_MILLIS} (as Elasticsearch's
 * search-idle shards), it refreshes every {@link #IDLE_REFRESH_INTERVAL_MILLIS} only, so that a store taking
 * writes and no searches builds large segments (fewer merges) and the first search after the lull refreshes
 * once.
 *
 * <p>Every few seconds a second thread commits the index with its seqNo, and the follower commits once
 * more when it stops. Not on the follower's thread: a commit fsyncs every new segment file, which on a
 * busy disk takes seconds. Lucene commits concurrently with indexing and refreshing.
 */
final class IndexFollower implements CommitListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IndexFollower.class);

    private record Batch(List<CommittedChange> changes, CompletableFuture<Void> searchable) {}

    private static final Batch STOP = new Batch(List.of(), new CompletableFuture<>());
    /** How stale the searcher may get before the background refreshes it; a search never sees it stale. */
    static final long REFRESH_INTERVAL_MILLIS = 1_000;
    /** With no search for this long, the background refreshes at the idle interval. */
    static final long SEARCH_IDLE_AFTER_MILLIS = 30_000;
    /**
     * The background refresh while no searches come: it still lets go of segments merged away since the last
     * refresh (the searcher holds their files) and bounds what the next search refreshes.
     */
    static final long IDLE_REFRESH_INTERVAL_MILLIS = 15_000;
    /**
     * How far the index may fall behind the store (records committed, not yet applied) while writes are answered
     * at their commit: what a search may have to wait for (applying a record costs ~0.1-0.3 ms here).
     */
    static final int MAX_LAG_RECORDS = 2_000;
    /** How long a search waits for the index to apply what was committed before it started. */
    static final long MAX_SEARCH_WAIT_MILLIS = 30_000;

    private final LuceneEntityIndex index;
    private final long commitIntervalMillis;
    private final long refreshIntervalMillis;
    private final int maxLagRecords;
    /** Records handed over by the store and not yet applied. */
    private final AtomicLong lagRecords = new AtomicLong();
    /** Signalled after every apply; searches wait on it. */
    private final Object applied = new Object();
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
        this(index, commitIntervalMillis, REFRESH_INTERVAL_MILLIS, MAX_LAG_RECORDS);
    }

    IndexFollower(LuceneEntityIndex index, long commitIntervalMillis, long refreshIntervalMillis, int maxLagRecords) {
        this.index = index;
        this.commitIntervalMillis = commitIntervalMillis;
        this.refreshIntervalMillis = refreshIntervalMillis;
        this.maxLagRecords = maxLagRecords;
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
        long lag = lagRecords.addAndGet(changes.size());
        queue.add(batch);
        // Within the bound the write is answered now: a search waits for it to be applied (awaitApplied).
        return lag <= maxLagRecords ? CompletableFuture.completedFuture(null) : batch.searchable();
    }

    /**
     * Waits until every change through {@code seq} is in the index writer (what a search started now must
     * see), unless the follower has failed (then the search answers from what the index has; the store's
     * health reports the failure).
     *
     * @throws StoreUnavailableException when that takes longer than {@link #MAX_SEARCH_WAIT_MILLIS}
     */
    void awaitApplied(long seq) {
        if (index.appliedSeq() >= seq || failed) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_SEARCH_WAIT_MILLIS);
        synchronized (applied) {
            while (index.appliedSeq() < seq && !failed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw behind(seq);
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(applied, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw behind(seq);
                }
            }
        }
    }

    private StoreUnavailableException behind(long seq) {
        return new StoreUnavailableException("The search index is behind the store (applied through seq "
                + index.appliedSeq() + ", the search needs seq " + seq + "); retry the search", null);
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
        refresher.scheduleWithFixedDelay(this::refresh, refreshIntervalMillis, refreshIntervalMillis, TimeUnit.MILLISECONDS);
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

    /** Stops the periodic commits and refreshes and waits for a commit in progress. */
    void stopCommitting() {
        refresher.shutdown();
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
            batches.forEach(batch -> batch.searchable().complete(null));
        } catch (Exception | Error e) {
            failed = true;
            batches.forEach(batch -> batch.searchable().completeExceptionally(e));
        } finally {
            lagRecords.addAndGet(-batches.stream().mapToLong(batch -> batch.changes().size()).sum());
            synchronized (applied) {
                applied.notifyAll();
            }
        }
    }

    private long lastBackgroundRefreshNanos = System.nanoTime();

    /** The background refresh: every tick while searches come, at the idle interval otherwise. */
    private void refresh() {
        long now = System.nanoTime();
        boolean searchIdle = index.nanosSinceLastSearch() > TimeUnit.MILLISECONDS.toNanos(SEARCH_IDLE_AFTER_MILLIS);
        if (searchIdle && now - lastBackgroundRefreshNanos < TimeUnit.MILLISECONDS.toNanos(IDLE_REFRESH_INTERVAL_MILLIS)) {
            return;
        }
        lastBackgroundRefreshNanos = now;
        try {
            index.refresh();
        } catch (IOException | RuntimeException e) {
            LOG.warn("search index background refresh failed (retried at the next interval): {}", e.getMessage());
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
