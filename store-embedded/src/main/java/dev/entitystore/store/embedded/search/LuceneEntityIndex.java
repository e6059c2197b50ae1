package dev.entitystore.store.embedded.search;

import dev.entitystore.domain.store.Change;
import dev.entitystore.domain.store.CommittedChange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.NIOFSDirectory;
import org.apache.lucene.store.NRTCachingDirectory;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lucene index of every space's entities, under {@code <dataDir>/search-index}. A derived copy: the
 * store is the record of truth, and this index can always be rebuilt from the store's change sequence.
 *
 * <p>Its commits carry the store seqNo they include ({@code seq} in the commit data), so after a crash the
 * index reopens at its last commit and catches up from the store from there. A commit written by another
 * index layout ({@code format}), or one Lucene cannot read, is dropped and the index rebuilt.
 *
 * <p>Threads: {@link #apply} is called by one thread (the follower); {@link #refresh} by any (a search
 * that finds its searcher behind, the follower's periodic refresh); {@link #commit} by any (the
 * follower's committer, concurrently with applies and refreshes).
 */
public final class LuceneEntityIndex implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LuceneEntityIndex.class);
    /** Bump when {@link LuceneDocuments} changes what it writes: older indexes are rebuilt. */
    static final String FORMAT = "8"; // 7 was taken by the unlanded keyed-layout branch
    static final String SEQ_KEY = "seq";
    /**
     * The heap the index may hold, sized to the shipped 256 MB heap: documents buffered before a flush, and
     * small flushed segments kept in memory until merged or committed. At 64 MB each, a rebuild of 1M
     * records ran out of a 256 MB heap once a profiler took its share.
     */
    static final int RAM_BUFFER_MB = 32;
    static final int CACHED_MB = 32;
    static final double DELETES_PCT_ALLOWED = 40;
    static final String FORMAT_KEY = "format";

    private final Path path;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Object commitLock = new Object();
    /** Every change up to this seqNo is in the writer (not necessarily committed or searchable). */
    private volatile long appliedSeq;
    /** When the last search started ({@link System#nanoTime}); searches decide how often the background refreshes. */
    private volatile long lastSearchNanos = System.nanoTime();
    /** Every change up to this seqNo is in the current searcher. */
    private final AtomicLong searchableSeq = new AtomicLong();
    private long committedSeq;
    private volatile ReaderState state = new ReaderState(null, null);

    /**
     * What is worth keeping per searcher (per refresh): its field catalogue, and match counts, since
     * paging through one filter counts the same matches on every page (an exact count over 1M entities
     * costs milliseconds).
     */
    private record ReaderState(IndexSearcher searcher, FieldCatalog catalog, Map<org.apache.lucene.search.Query, Integer> counts) {
        ReaderState(IndexSearcher searcher, FieldCatalog catalog) {
            this(searcher, catalog, new java.util.concurrent.ConcurrentHashMap<>());
        }
    }

    private static final int MAX_CACHED_COUNTS = 256;

    private LuceneEntityIndex(Path path, Directory directory, IndexWriter writer, long seq) throws IOException {
        this.path = path;
        this.directory = directory;
        this.writer = writer;
        this.searchers = new SearcherManager(writer, true, false, null);
        this.appliedSeq = seq;
        this.committedSeq = seq;
        this.searchableSeq.set(seq);
    }

    /** Opens the index at {@code path}, creating it (or recreating an unreadable one) empty at seq 0. */
    public static LuceneEntityIndex open(Path path) {
        return open(path, UnaryOperator.identity());
    }

    /** As {@link #open(Path)}, the directory wrapped by {@code wrap} (tests: a disk that stalls). */
    static LuceneEntityIndex open(Path path, UnaryOperator<Directory> wrap) {
        try {
            Files.createDirectories(path);
            // Small segments of near-real-time refreshes stay in memory until merged or committed.
            // Positional reads, not mmap: the same latency at 1M (measured), and the index's pages stay
            // in the OS page cache instead of the server's resident memory (~200 MB less at 1M).
            // Nothing here interrupts a thread that reads the index (that would close its channel).
            Directory directory = wrap.apply(new NRTCachingDirectory(new NIOFSDirectory(path), 16, CACHED_MB));
            long seq = committedSeq(directory, path);
            IndexWriterConfig config = new IndexWriterConfig()
                    .setOpenMode(seq < 0 ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setCodec(new EntityIndexCodec())
                    // Segments kept newest first: the default listing reads the first entities of each
                    // segment and stops, instead of visiting every entity (writes arrive in time order,
                    // so without it each new entity would beat the page so far).
                    .setIndexSort(LuceneSorts.newestFirst())
                    .setRAMBufferSizeMB(RAM_BUFFER_MB)
                    .setMergePolicy(mergePolicy())
                    // No merging on refresh: Lucene 9 otherwise lets each refresh wait up to 500 ms for
                    // merges of the segments it just flushed, and every write's answer waits for the
                    // refresh (measured: 8 s of such waits in 30 s of 300 single writes/s at 1M).
                    // Background merges still fold the small segments in.
                    .setMaxFullFlushMergeWaitMillis(0)
                    .setCommitOnClose(false);
            IndexWriter writer = new IndexWriter(directory, config);
            long start = Math.max(seq, 0);
            LOG.info("search index opened at {} (committed through seq {}, {} entities)", path, start, writer.getDocStats().numDocs);
            return new LuceneEntityIndex(path, directory, writer, start);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the search index at " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Lucene's tiered merges, with up to {@value #DELETES_PCT_ALLOWED}% of an index's documents left
     * deleted before segments are merged only to reclaim them (Lucene's default is 20%, Elasticsearch's
     * {@code index.merge.policy.deletes_pct_allowed} allows up to 50). Every entity update deletes the
     * record's older copy, mostly in the large segments; at 20% those were rewritten again and again, and
     * merges took a third of the server's CPU under {@code bulk}.
     */
    private static MergePolicy mergePolicy() {
        TieredMergePolicy policy = new TieredMergePolicy();
        policy.setDeletesPctAllowed(DELETES_PCT_ALLOWED);
        return policy;
    }

    /** The seq of the last commit; -1 when there is none usable (then the index is created anew). */
    private static long committedSeq(Directory directory, Path path) {
        try {
            if (!DirectoryReader.indexExists(directory)) {
                return -1;
            }
            List<IndexCommit> commits = DirectoryReader.listCommits(directory);
            Map<String, String> data = commits.get(commits.size() - 1).getUserData();
            if (!FORMAT.equals(data.get(FORMAT_KEY)) || data.get(SEQ_KEY) == null) {
                LOG.warn("search index at {} has another layout ({}); rebuilding it from the store", path, data.get(FORMAT_KEY));
                return -1;
            }
            return Long.parseLong(data.get(SEQ_KEY));
        } catch (IOException | RuntimeException e) {
            LOG.warn("search index at {} cannot be read ({}); rebuilding it from the store", path, e.toString());
            return -1;
        }
    }

    /** The seqNo through which every change is in the index. */
    public long appliedSeq() {
        return appliedSeq;
    }

    /**
     * Applies changes in seqNo order. Within one call only the last change of a record counts, so a bulk
     * that writes one entity a thousand times indexes it once.
     *
     * @param throughSeq the seqNo the index is caught up to afterwards (at least the last change's)
     */
    void apply(List<CommittedChange> changes, long throughSeq) throws IOException {
        for (CommittedChange change : latestPerRecord(changes)) {
            switch (change.kind()) {
                case UPSERT -> {
                    BytesRef key = IndexFields.keyTerm(change.space(), change.id());
                    writer.updateDocument(new Term(IndexFields.KEY, key),
                            LuceneDocuments.build(key, change.space(), change.id(), change.seqNo(), change.source()));
                }
                case DELETE -> writer.deleteDocuments(new Term(IndexFields.KEY, IndexFields.keyTerm(change.space(), change.id())));
                case SPACE_DELETED -> writer.deleteDocuments(new Term(IndexFields.SPACE, change.space()));
            }
        }
        appliedSeq = Math.max(appliedSeq, throughSeq);
    }

    /** Whether nothing was ever applied: a new index, or one dropped for another layout. */
    boolean isEmpty() {
        return appliedSeq == 0 && writer.getDocStats().maxDoc == 0;
    }

    /** Drops every document, back to an empty index at seq 0 (to be built anew from the store). */
    void clear() {
        try {
            writer.deleteAll();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clear the search index at " + path + ": " + e.getMessage(), e);
        }
        appliedSeq = 0;
        searchableSeq.set(0);
    }

    /**
     * Adds records known to be absent from the index (a build from the store, {@link IndexRebuild}): no
     * delete terms, so no lookups at flush. Safe from several threads at once.
     */
    void addNew(List<CommittedChange> records) throws IOException {
        for (CommittedChange record : records) {
            writer.addDocument(LuceneDocuments.build(IndexFields.keyTerm(record.space(), record.id()), record.space(),
                    record.id(), record.seqNo(), record.source()));
        }
    }

    /** The segments of the current searcher. */
    int segmentCount() throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return searcher.getIndexReader().leaves().size();
        } finally {
            searchers.release(searcher);
        }
    }

    /** Records that every change up to {@code seq} is in the writer (after {@link #addNew}). */
    void advanceTo(long seq) {
        appliedSeq = Math.max(appliedSeq, seq);
    }

    private static List<CommittedChange> latestPerRecord(List<CommittedChange> changes) {
        if (changes.size() < 2 || changes.stream().anyMatch(c -> c.kind() == Change.Kind.SPACE_DELETED)) {
            return changes; // a space deletion orders against everything around it: keep all
        }
        Map<String, Integer> last = new HashMap<>();
        for (int i = 0; i < changes.size(); i++) {
            last.put(IndexFields.key(changes.get(i).space(), changes.get(i).id()), i);
        }
        if (last.size() == changes.size()) {
            return changes;
        }
        List<CommittedChange> latest = new ArrayList<>(last.size());
        for (int i = 0; i < changes.size(); i++) {
            if (last.get(IndexFields.key(changes.get(i).space(), changes.get(i).id())) == i) {
                latest.add(changes.get(i));
            }
        }
        return latest;
    }

    /**
     * Makes everything applied so far visible to searches (near-real-time: no fsync), unless the current
     * searcher already holds it. Safe from any thread, concurrently with {@link #apply}: concurrent callers
     * share one refresh, and a change applied before a call is searchable when the call returns.
     */
    void refresh() throws IOException {
        long target = appliedSeq; // read first: whatever was applied by now is in the writer for the refresh
        if (searchableSeq.get() >= target) {
            return;
        }
        searchers.maybeRefreshBlocking();
        searchableSeq.accumulateAndGet(target, Math::max);
    }

    /** Nanoseconds since the last search started. */
    long nanosSinceLastSearch() {
        return System.nanoTime() - lastSearchNanos;
    }

    /** The seqNo through which every change is searchable. */
    long searchableSeq() {
        return searchableSeq.get();
    }

    /**
     * Makes everything applied so far durable, recording the seqNo it covers. Concurrent applies may slip
     * into the commit too; that only means a later catch-up re-applies a few changes, which is harmless.
     */
    public void commit() {
        synchronized (commitLock) {
            long seq = appliedSeq; // read first: every change up to it was handed to the writer before the commit
            if (seq == committedSeq && !writer.hasUncommittedChanges()) {
                return;
            }
            try {
                writer.setLiveCommitData(Map.of(SEQ_KEY, Long.toString(seq), FORMAT_KEY, FORMAT).entrySet());
                writer.commit();
                committedSeq = seq;
            } catch (IOException e) {
                throw new UncheckedIOException("search index commit at " + path + " failed: " + e.getMessage(), e);
            }
        }
    }

    public long committedSeq() {
        synchronized (commitLock) {
            return committedSeq;
        }
    }

    /**
     * Runs {@code search} on a searcher that holds every change applied before the call (refreshing first
     * if the current one is behind), with its field catalogue and count cache.
     */
    <T> T withSearcher(SearcherFunction<T> search) throws IOException {
        lastSearchNanos = System.nanoTime();
        refresh();
        IndexSearcher searcher = searchers.acquire();
        try {
            ReaderState current = state;
            if (current.searcher() != searcher) {
                current = new ReaderState(searcher, FieldCatalog.of(searcher.getIndexReader()));
                state = current;
            }
            Map<org.apache.lucene.search.Query, Integer> counts = current.counts();
            return search.apply(searcher, current.catalog(), query -> {
                Integer cached = counts.get(query);
                if (cached != null) {
                    return cached;
                }
                int count = searcher.count(query);
                if (counts.size() < MAX_CACHED_COUNTS) {
                    counts.put(query, count);
                }
                return count;
            });
        } finally {
            searchers.release(searcher);
        }
    }

    /** A search against one searcher. */
    @FunctionalInterface
    interface SearcherFunction<T> {
        T apply(IndexSearcher searcher, FieldCatalog fields, Counter counter) throws IOException;
    }

    /** Counts a query's matches on the searcher, remembering the answer until the next refresh. */
    @FunctionalInterface
    interface Counter {
        int count(org.apache.lucene.search.Query query) throws IOException;
    }

    /** Drops everything not committed and closes, as a killed process would leave the index (tests). */
    void crash() {
        try {
            writer.rollback();
            searchers.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Commits what was applied, then closes. */
    @Override
    public void close() {
        try {
            commit();
        } catch (RuntimeException e) {
            LOG.warn("search index final commit failed; the next start catches up from the store: {}", e.getMessage());
        }
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            LOG.warn("search index at {} did not close cleanly: {}", path, e.getMessage());
        }
        LOG.info("search index at {} closed (committed through seq {})", path, committedSeq);
    }
}
