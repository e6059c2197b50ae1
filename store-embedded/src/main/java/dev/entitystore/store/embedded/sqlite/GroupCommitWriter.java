package dev.entitystore.store.embedded.sqlite;

import dev.entitystore.domain.error.StoreUnavailableException;
import dev.entitystore.domain.store.CommitListener;
import dev.entitystore.domain.store.CommittedChange;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only thread that writes. Callers queue requests and wait; the thread takes whatever is waiting
 * (up to a bound), runs it all in one transaction and commits once, then answers every caller.
 *
 * <p>Why: one fsync costs ~3 ms on our disks, so a commit per request would cap single writes at a few
 * hundred per second; a group shares it. And since nothing else writes, a request's read-merge-write
 * is atomic against every other write without locks or retries: concurrent merges of one record never
 * conflict and never lose a field.
 *
 * <p>Failures: each request runs in its own savepoint. If it throws (its merge function, or SQLite on
 * its rows), only it is rolled back and failed; the rest of the group still commits. If the transaction
 * as a whole fails (begin, commit, or a savepoint rollback), every request of the group is failed with
 * {@link StoreUnavailableException}: nothing of them was applied. The thread survives either way.
 *
 * <p>Followers: with a {@link CommitListener} attached, each commit's changes go to it in commit order,
 * and the group's callers are answered when the listener says the changes are searchable. The thread
 * does not wait for that: it goes on with the next group meanwhile.
 */
final class GroupCommitWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitWriter.class);

    /** Bounds on one group: enough to share the fsync widely, small enough to keep latency in check. */
    static final int MAX_GROUP_REQUESTS = 512;
    static final int MAX_GROUP_WEIGHT = 2_000;

    /** One unit of work on the write transaction. */
    @FunctionalInterface
    interface Work<T> {
        T apply(WriteTransaction tx) throws SQLException;
    }

    private static final class Request<T> {
        final String notApplied;
        final int weight;
        final Work<T> work;
        final CompletableFuture<T> future = new CompletableFuture<>();
        T result;

        Request(String notApplied, int weight, Work<T> work) {
            this.notApplied = notApplied;
            this.weight = weight;
            this.work = work;
        }

        void run(WriteTransaction tx) throws SQLException {
            result = work.apply(tx);
        }

        void complete() {
            future.complete(result);
        }
    }

    private static final Request<Void> STOP = new Request<>("stop", 0, tx -> null);

    private final WriteTransaction tx;
    private final String dbName;
    /** Asked before each commit: a reason means the group is rolled back, nothing of it applied. */
    private final Supplier<Optional<String>> commitRefusal;
    /** Told after each commit (the background WAL checkpoint). */
    private final Runnable afterCommit;
    private volatile CommitStatistics statistics = CommitStatistics.NONE;
    /** Why the follower stopped making commits searchable, once it has; the store's health reports it. */
    private volatile String followerFailure;
    private final LinkedBlockingQueue<Request<?>> queue = new LinkedBlockingQueue<>();
    private final Object submitLock = new Object();
    private final Thread thread;
    private boolean closed;
    /** Written and read on the writer thread only (attached through a request). */
    private CommitListener listener;

    GroupCommitWriter(WriteTransaction tx, String dbName, Supplier<Optional<String>> commitRefusal) {
        this(tx, dbName, commitRefusal, () -> { });
    }

    GroupCommitWriter(WriteTransaction tx, String dbName, Supplier<Optional<String>> commitRefusal, Runnable afterCommit) {
        this.tx = tx;
        this.dbName = dbName;
        this.commitRefusal = commitRefusal;
        this.afterCommit = afterCommit;
        this.thread = new Thread(this::loop, "entity-store-writer");
        // Daemon, so that a start-up that fails after opening the store still exits. Nothing acknowledged
        // is lost by that: a caller is answered only after its commit; close() drains the queue.
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /**
     * Attaches the follower; from the next commit on it sees every change. Runs on the writer thread
     * between two changes, so nothing falls between "committed before" and "delivered to it".
     *
     * @return the last seq committed before the follower was attached: it must catch up to it from the store
     */
    long attach(CommitListener follower) {
        return submit("the listener was not attached", 0, tx -> {
            if (listener != null) {
                throw new IllegalStateException("a commit listener is attached already");
            }
            listener = follower;
            return tx.committedSeq();
        });
    }

    void observe(CommitStatistics observer) {
        statistics = observer;
    }

    /** Why the follower failed on a commit, if it has (it then stays behind until a restart). */
    Optional<String> followerFailure() {
        return Optional.ofNullable(followerFailure);
    }

    /** The seq of the last committed change. */
    long committedSeq() {
        return tx.committedSeq();
    }

    /**
     * Queues {@code work}, waits for its group to commit and returns its result.
     *
     * @param notApplied ends the error message if it fails, e.g. "none of the 1000 bulk items was applied"
     * @param weight     how many records it touches, to bound group sizes
     */
    <T> T submit(String notApplied, int weight, Work<T> work) {
        if (Thread.currentThread() == thread || PreparedMerge.merging()) {
            throw new IllegalStateException("the entity store was called from inside a merge function");
        }
        Request<T> request = new Request<>(notApplied, weight, work);
        // The lock only orders enqueue against close(), so that nothing lands behind STOP unanswered.
        synchronized (submitLock) {
            if (closed) {
                throw new StoreUnavailableException("The entity store is closed; " + notApplied, null);
            }
            queue.add(request);
        }
        try {
            // join() does not give up on interrupt: the caller learns what really happened to its write.
            return request.future.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new StoreUnavailableException("Entity store write failed; " + notApplied, cause);
        }
    }

    private void loop() {
        List<Request<?>> group = new ArrayList<>();
        boolean stop = false;
        while (!stop) {
            Request<?> first = takeUninterruptibly();
            if (first == STOP) {
                break;
            }
            group.clear();
            group.add(first);
            int weight = first.weight;
            while (group.size() < MAX_GROUP_REQUESTS && weight < MAX_GROUP_WEIGHT) {
                Request<?> next = queue.poll();
                if (next == null) {
                    break;
                }
                if (next == STOP) {
                    stop = true;
                    break;
                }
                group.add(next);
                weight += next.weight;
            }
            runGroup(group);
        }
    }

    private Request<?> takeUninterruptibly() {
        while (true) {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                // Only close() stops this thread, through STOP: queued callers are waiting for answers.
                LOG.warn("entity store writer interrupted; carrying on until closed");
            }
        }
    }

    private void runGroup(List<Request<?>> group) {
        try {
            tx.begin();
        } catch (SQLException e) {
            failAll(group, e, "could not start a transaction");
            return;
        }
        List<Request<?>> applied = new ArrayList<>(group.size());
        for (Request<?> request : group) {
            try {
                tx.savepoint();
            } catch (SQLException e) {
                abort(group, e, "could not open a savepoint");
                return;
            }
            try {
                request.run(tx);
                tx.releaseSavepoint();
                applied.add(request);
            } catch (Throwable failure) {
                try {
                    tx.rollbackToSavepoint();
                } catch (SQLException e) {
                    abort(group, e, "could not roll back a failed request");
                    return;
                }
                request.future.completeExceptionally(requestFailure(request, failure));
            }
        }
        Optional<String> refusal = commitRefusal.get();
        if (refusal.isPresent()) {
            abort(applied, new SQLException(refusal.get()), "the store's files are gone");
            return;
        }
        long commitStarted = System.nanoTime();
        try {
            tx.commit();
        } catch (SQLException e) {
            abort(applied, e, "commit failed");
            return;
        }
        statistics.committed(applied.size(), weightOf(applied), System.nanoTime() - commitStarted);
        afterCommit.run();
        answerWhenFollowed(applied, tx.takeCommittedChanges());
    }

    private static int weightOf(List<Request<?>> requests) {
        int weight = 0;
        for (Request<?> request : requests) {
            weight += request.weight;
        }
        return weight;
    }

    /** Answers the callers once the follower, if any, has the group's changes searchable. */
    private void answerWhenFollowed(List<Request<?>> applied, List<CommittedChange> changes) {
        if (listener == null || changes.isEmpty()) {
            applied.forEach(Request::complete);
            return;
        }
        CompletionStage<Void> followed;
        try {
            followed = listener.committed(changes);
        } catch (RuntimeException e) {
            followerFailure = "the search index failed on the changes up to seq "
                    + changes.get(changes.size() - 1).seqNo() + ": " + e.getMessage();
            LOG.error("commit listener failed on {} changes up to seq {}; they are stored but not searchable until a restart",
                    changes.size(), changes.get(changes.size() - 1).seqNo(), e);
            applied.forEach(Request::complete);
            return;
        }
        List<Request<?>> answer = List.copyOf(applied);
        followed.whenComplete((ignored, failure) -> {
            if (failure != null) {
                followerFailure = "the search index failed on the changes up to seq "
                        + changes.get(changes.size() - 1).seqNo() + ": " + failure.getMessage();
                // The writes are durable: answering them as failed would invite a retry of a write that happened.
                LOG.error("search index failed on {} changes up to seq {}; they are stored but not searchable until a restart",
                        changes.size(), changes.get(changes.size() - 1).seqNo(), failure);
            }
            answer.forEach(Request::complete);
        });
    }

    /** A request's own exception goes back as is; SQLite's becomes "store unavailable, not applied". */
    private Throwable requestFailure(Request<?> request, Throwable failure) {
        if (failure instanceof SQLException e) {
            LOG.warn("entity store write failed on {}: {}", dbName, e.getMessage());
            return new StoreUnavailableException(
                    "Entity store write failed; " + request.notApplied + ": " + e.getMessage(), e);
        }
        return failure;
    }

    private void abort(List<Request<?>> group, SQLException e, String why) {
        tx.rollbackQuietly();
        failAll(group, e, why);
    }

    private void failAll(List<Request<?>> group, SQLException e, String why) {
        LOG.warn("entity store transaction on {} failed ({}), {} requests not applied: {}",
                dbName, why, group.size(), e.getMessage());
        for (Request<?> request : group) {
            request.future.completeExceptionally(new StoreUnavailableException(
                    "Entity store write failed (" + why + "); " + request.notApplied + ": " + e.getMessage(), e));
        }
    }

    /** Stops taking requests, finishes those already queued, then stops the thread. Idempotent. */
    @Override
    public void close() {
        if (Thread.currentThread() == thread) {
            throw new IllegalStateException("the entity store cannot be closed from inside a merge function");
        }
        synchronized (submitLock) {
            if (closed) {
                return;
            }
            closed = true;
            queue.add(STOP);
        }
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true; // finish closing first: the writer still owns the connection
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
