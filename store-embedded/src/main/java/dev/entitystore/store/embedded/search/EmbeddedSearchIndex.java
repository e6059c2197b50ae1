package dev.entitystore.store.embedded.search;

import dev.entitystore.domain.search.EntitySearch;
import dev.entitystore.domain.search.SearchRequest;
import dev.entitystore.domain.search.SearchResult;
import dev.entitystore.domain.store.CommitListener;
import dev.entitystore.domain.store.ChangeFeed;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletionException;
import java.util.function.ToLongFunction;

/**
 * The embedded search, assembled: the Lucene index under the data directory, following the store's commits.
 *
 * <p>A write is answered once the store committed it, while the index may still be applying it; a search
 * waits for the index to have applied everything committed before it starts, so a write is listed by any
 * search after its answer ({@link IndexFollower}).
 *
 * <p>Opening attaches the follower to the store first and then catches up from the store to the point
 * of attachment, so no commit falls between the two; it returns once caught up. Close it after the store:
 * the store's last commits are then applied and committed here too.
 */
public final class EmbeddedSearchIndex implements EntitySearch, AutoCloseable {
    public static final String DIRECTORY = "search-index";
    /** How often the index is committed; what is not committed is caught up from the store after a crash. */
    static final long COMMIT_INTERVAL_MILLIS = 5_000;

    private final LuceneEntityIndex index;
    private final IndexFollower follower;
    private final LuceneEntitySearch search;
    private final ChangeFeed store;

    private EmbeddedSearchIndex(LuceneEntityIndex index, IndexFollower follower, LuceneEntitySearch search, ChangeFeed store) {
        this.index = index;
        this.follower = follower;
        this.search = search;
        this.store = store;
    }

    /**
     * @param dataDir the store's data directory; the index lives in {@code search-index} beneath it
     * @param store   the record of truth, for catching up
     * @param attach  attaches a follower to the store's commits and returns the last seqNo committed before
     *                (e.g. {@code SqliteEntityStore::attach})
     */
    public static EmbeddedSearchIndex open(Path dataDir, ChangeFeed store, ToLongFunction<CommitListener> attach) {
        return open(dataDir, store, attach, Clock.systemUTC(), COMMIT_INTERVAL_MILLIS);
    }

    static EmbeddedSearchIndex open(Path dataDir, ChangeFeed store, ToLongFunction<CommitListener> attach, Clock clock,
                                    long commitIntervalMillis) {
        LuceneEntityIndex index = LuceneEntityIndex.open(dataDir.resolve(DIRECTORY));
        IndexFollower follower = new IndexFollower(index, commitIntervalMillis);
        long attachedAt;
        try {
            attachedAt = attach.applyAsLong(follower);
        } catch (RuntimeException e) {
            index.close();
            throw e;
        }
        follower.start(() -> IndexCatchUp.run(index, store, attachedAt));
        try {
            follower.caughtUp().join();
        } catch (CompletionException e) {
            follower.close();
            index.close();
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        return new EmbeddedSearchIndex(index, follower, new LuceneEntitySearch(index, store::storedJson, clock), store);
    }

    /** Searches once every write answered before the call is in the index (see {@link IndexFollower}). */
    @Override
    public SearchResult search(SearchRequest request) {
        follower.awaitApplied(store.lastSeqNo());
        return search.search(request);
    }

    /** The seqNo through which changes are in the index. */
    public long appliedSeq() {
        return index.appliedSeq();
    }

    /** The seqNo the last index commit covers. */
    public long committedSeq() {
        return index.committedSeq();
    }

    /** Commits the index now (tests, benchmarks); normally it commits every few seconds. */
    public void commit() {
        index.commit();
    }

    /** Loses what was not committed, as a killed process would (tests). */
    void crash() {
        follower.stopCommitting();
        index.crash();
        follower.close();
    }

    /** Applies and commits what the store handed over, then closes the index. Close the store first. */
    @Override
    public void close() {
        follower.close();
        index.close();
    }
}
