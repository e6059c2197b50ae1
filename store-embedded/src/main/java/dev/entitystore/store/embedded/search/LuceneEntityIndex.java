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
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.NIOFSDirectory;
import org.apache.lucene.store.NRTCachingDirectory;
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
 * <p>Writes go to a small in-memory overlay first ({@link RecentWrites}), which is what a refresh on the
 * answer path makes searchable; the main on-disk index is not refreshed per write, as its refresh (a
 * segment flush, deletes applied against every entity, readers reopened) is what made each write wait.
 * Searches see the layers as one reader ({@link SearchLayers}). When the overlay is big or old enough it
 * is sealed, a new one started, and the sealed one moved into main ({@link #moveToMain}) in the
 * background; main is refreshed then, and the sealed overlay leaves the view once main's reader has it.
 * Commits record the seqNo main holds, never what is only in an overlay, so a crash loses nothing the
 * catch-up cannot re-apply.
 *
 * <p>Threads: {@link #apply} and {@link #refresh} are called by one thread (the follower); {@link #commit}
 * and {@link #moveToMain} by any (the follower's maintenance thread, concurrently with applies and
 * refreshes); searches acquire the current view.
 */
public final class LuceneEntityIndex implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LuceneEntityIndex.class);
    /** Bump when {@link EntityDocuments} changes what it writes: older indexes are rebuilt. */
    static final String FORMAT = "4";
    static final String SEQ_KEY = "seq";
    static final String FORMAT_KEY = "format";

    /**
     * When the overlay moves into main: once it holds {@code maxDocs} records or is {@code maxAgeMillis}
     * old. Bigger means fewer main refreshes and merges, and more to look up when main's reader changes.
     */
    record Rotation(int maxDocs, long maxAgeMillis) {
        static final Rotation DEFAULT = new Rotation(20_000, 2_000);
    }

    private final Path path;
    private final Directory directory;
    private final IndexWriter writer;
    private final Rotation rotation;
    private final SearchLayers layers;
    /** Held while the overlay moves into main, or changes are applied to main directly: one at a time. */
    private final ReentrantLock mainLock = new ReentrantLock();
    private final Object commitLock = new Object();
    /** Every change up to this seqNo is in the overlays or main (not necessarily committed). */
    private volatile long appliedSeq;
    /** Every change up to this seqNo is in the main writer: what a commit may claim. */
    private volatile long mainSeq;
    private long committedSeq;

    private LuceneEntityIndex(Path path, Directory directory, IndexWriter writer, long seq, Rotation rotation) throws IOException {
        this.path = path;
        this.directory = directory;
        this.writer = writer;
        this.rotation = rotation;
        this.layers = new SearchLayers(DirectoryReader.open(writer, true, false), seq);
        this.appliedSeq = seq;
        this.mainSeq = seq;
        this.committedSeq = seq;
    }

    /** Opens the index at {@code path}, creating it (or recreating an unreadable one) empty at seq 0. */
    public static LuceneEntityIndex open(Path path) {
        return open(path, UnaryOperator.identity());
    }

    /** As {@link #open(Path)}, the directory wrapped by {@code wrap} (tests: a disk that stalls). */
    static LuceneEntityIndex open(Path path, UnaryOperator<Directory> wrap) {
        return open(path, wrap, Rotation.DEFAULT);
    }

    /** As {@link #open(Path, UnaryOperator)}, the overlay moving into main by {@code rotation}. */
    static LuceneEntityIndex open(Path path, UnaryOperator<Directory> wrap, Rotation rotation) {
        try {
            Files.createDirectories(path);
            // Small segments of near-real-time refreshes stay in memory until merged or committed.
            // Positional reads, not mmap: the same latency at 1M (measured), and the index's pages stay
            // in the OS page cache instead of the server's resident memory (~200 MB less at 1M).
            // Nothing here interrupts a thread that reads the index (that would close its channel).
            Directory directory = wrap.apply(new NRTCachingDirectory(new NIOFSDirectory(path), 16, 64));
            long seq = committedSeq(directory, path);
            IndexWriterConfig config = new IndexWriterConfig()
                    .setOpenMode(seq < 0 ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setCodec(new EntityIndexCodec())
                    // Segments kept newest first: the default listing reads the first entities of each
                    // segment and stops, instead of visiting every entity (writes arrive in time order,
                    // so without it each new entity would beat the page so far).
                    .setIndexSort(LuceneSorts.newestFirst())
                    .setMergePolicy(mainMergePolicy())
                    .setRAMBufferSizeMB(64)
                    .setCommitOnClose(false);
            IndexWriter writer = new IndexWriter(directory, config);
            long start = Math.max(seq, 0);
            LOG.info("search index opened at {} (committed through seq {}, {} entities)", path, start, writer.getDocStats().numDocs);
            return new LuceneEntityIndex(path, directory, writer, start, rotation);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the search index at " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * How main merges. It now gets one segment per move of the overlay (every few seconds) instead of one
     * per write group, plus the deletes of every record the overlay rewrote. With the defaults (10 per
     * tier, 2 MB floor, 20% deletes) merges took most of the CPU at 1M in {@code FollowerCostBench}; with
     * these, single writes cost ~35% less CPU and groups of 1,000 ~45% less (measured, issue 15). The
     * price is up to twice as many segments and more deleted documents kept.
     */
    static TieredMergePolicy mainMergePolicy() {
        TieredMergePolicy policy = new TieredMergePolicy();
        policy.setSegmentsPerTier(20);
        policy.setFloorSegmentMB(16);
        policy.setDeletesPctAllowed(30);
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
     * Applies changes in seqNo order, to the overlay. Within one call only the last change of a record
     * counts, so a bulk that writes one entity a thousand times indexes it once. A space deletion (rare)
     * moves everything into main first and is applied there, main refreshed before this returns.
     *
     * @param throughSeq the seqNo the index is caught up to afterwards (at least the last change's)
     */
    void apply(List<CommittedChange> changes, long throughSeq) throws IOException {
        if (changes.stream().anyMatch(c -> c.kind() == Change.Kind.SPACE_DELETED)) {
            mainLock.lock();
            try {
                moveToMain();
                applyToMain(changes, throughSeq);
                layers.advance(throughSeq);
                refreshMain();
            } finally {
                mainLock.unlock();
            }
        } else {
            layers.write(latestPerRecord(changes), throughSeq);
        }
        appliedSeq = Math.max(appliedSeq, throughSeq);
    }

    /** Whether nothing was ever applied: a new index, or one dropped for another layout. */
    boolean isEmpty() {
        return appliedSeq == 0 && writer.getDocStats().maxDoc == 0;
    }

    /**
     * Adds records known to be absent from the index to main (a build from the store, {@link IndexRebuild},
     * before anything else writes): no delete terms, so no lookups at flush. Safe from several threads at
     * once, hence without main's lock. Visible after {@link #refreshMain}.
     */
    void addNew(List<CommittedChange> records) throws IOException {
        for (CommittedChange record : records) {
            writer.addDocument(EntityDocuments.build(record.space(), record.id(), record.seqNo(), record.json()));
        }
    }

    /** Records that every change up to {@code seq} is in main's writer (after {@link #addNew}). */
    void advanceTo(long seq) {
        mainLock.lock();
        try {
            mainSeq = Math.max(mainSeq, seq);
            appliedSeq = Math.max(appliedSeq, seq);
        } finally {
            mainLock.unlock();
        }
    }

    /**
     * Applies changes to main directly, bypassing the overlay: the catch-up, with nothing in the overlay
     * yet, and space deletions. Visible after {@link #refreshMain}.
     */
    void applyToMain(List<CommittedChange> changes, long throughSeq) throws IOException {
        mainLock.lock();
        try {
            for (CommittedChange change : latestPerRecord(changes)) {
                switch (change.kind()) {
                    case UPSERT -> writer.updateDocument(new Term(IndexFields.KEY, IndexFields.key(change.space(), change.id())),
                            EntityDocuments.build(change.space(), change.id(), change.seqNo(), change.json()));
                    case DELETE -> writer.deleteDocuments(new Term(IndexFields.KEY, IndexFields.key(change.space(), change.id())));
                    case SPACE_DELETED -> writer.deleteDocuments(new Term(IndexFields.SPACE, change.space()));
                }
            }
            mainSeq = Math.max(mainSeq, throughSeq);
            appliedSeq = Math.max(appliedSeq, throughSeq);
        } finally {
            mainLock.unlock();
        }
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

    /** Makes everything applied so far visible to searches (the overlay's near-real-time refresh). */
    void refresh() throws IOException {
        layers.refresh();
    }

    /** Whether the overlay is big or old enough to move into main, and no move is under way. */
    boolean rotationDue() {
        return layers.rotationDue(rotation.maxDocs(), rotation.maxAgeMillis());
    }

    /**
     * Moves the overlay into main: seals it (new writes go to a fresh overlay meanwhile), deletes main's
     * copies of its records and adds its records (one merge of its chunks into a new segment), then
     * refreshes main; the sealed overlay leaves the view with the reader that includes it. Adding them
     * merges the overlay's already inverted documents instead of indexing them a second time.
     */
    void moveToMain() throws IOException {
        mainLock.lock();
        try {
            SearchLayers.Sealed sealed = layers.seal();
            if (sealed == null) {
                return;
            }
            writer.deleteDocuments(sealed.writes().keyTerms());
            if (sealed.segments().length > 0) {
                writer.addIndexes(sealed.segments());
            }
            mainSeq = Math.max(mainSeq, sealed.writes().throughSeq());
            refreshMain();
        } finally {
            mainLock.unlock();
        }
    }

    /** Opens a reader on main's writer (applying its deletes) and puts it under the overlay. */
    void refreshMain() throws IOException {
        mainLock.lock();
        try {
            DirectoryReader current = layers.mainReader();
            DirectoryReader next = DirectoryReader.openIfChanged(current, writer, true);
            if (next == null) {
                current.incRef(); // installed again: still drops a sealed overlay
                next = current;
            }
            layers.install(next);
        } finally {
            mainLock.unlock();
        }
    }

    /** Moves everything into main and commits it (tests, benchmarks, closing). */
    void flush() throws IOException {
        moveToMain();
        commit();
    }

    /**
     * Makes what main holds durable, recording the seqNo it covers (what is only in the overlay is not:
     * the catch-up re-applies it after a crash). Concurrent changes to main may slip into the commit too;
     * that only means a later catch-up re-applies a few changes, which is harmless.
     */
    public void commit() {
        synchronized (commitLock) {
            long seq = mainSeq; // read first: every change up to it was handed to the writer before the commit
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

    /** Runs {@code search} on the current view with its field catalogue and count cache. */
    <T> T withSearcher(SearcherFunction<T> search) throws IOException {
        SearchView view = layers.acquire();
        try {
            return search.apply(view.searcher(), view.catalog(), view::count);
        } finally {
            view.decRef();
        }
    }

    /** A search against one searcher. */
    @FunctionalInterface
    interface SearcherFunction<T> {
        T apply(IndexSearcher searcher, FieldCatalog fields, Counter counter) throws IOException;
    }

    /** Counts a query's matches on the view, remembering the answer until the next refresh. */
    @FunctionalInterface
    interface Counter {
        int count(org.apache.lucene.search.Query query) throws IOException;
    }

    /** Drops everything not committed and closes, as a killed process would leave the index (tests). */
    void crash() {
        try {
            writer.rollback();
            layers.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Moves what was applied into main and commits it, then closes. */
    @Override
    public void close() {
        try {
            flush();
        } catch (IOException | RuntimeException e) {
            LOG.warn("search index final commit failed; the next start catches up from the store: {}", e.getMessage());
        }
        try {
            layers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            LOG.warn("search index at {} did not close cleanly: {}", path, e.getMessage());
        }
        LOG.info("search index at {} closed (committed through seq {})", path, committedSeq);
    }
}
