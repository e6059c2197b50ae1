package dev.entitystore.store.embedded.search;

import dev.entitystore.domain.store.CommittedChange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.SlowCodecReaderWrapper;
import org.apache.lucene.index.SortingCodecReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The overlay: the records written since the last rotation, so that making a write searchable costs
 * little, whatever the size of the main index. Each write group becomes one chunk: a small group one
 * {@link MemoryIndex} per record (inverted in memory, no segment written or opened: a segment flush of
 * ~150 fields costs milliseconds), a bigger group one in-memory segment (its flush shared by many
 * records). A newer chunk hides the copies of its records in older ones ({@link MaskedLayer}), as the
 * overlay hides them in main.
 *
 * <p>It remembers every key it was handed (upserts and deletions alike): those are the records whose
 * copies in older layers are superseded. Chunks are never closed: they hold no files or threads, and
 * searches still reading one after the overlay is dropped keep it alive.
 *
 * <p>Threads: written and refreshed under the owner's lock; published chunks are read by searches.
 */
final class RecentWrites {
    /** From this many records on, a group is indexed as one segment rather than record by record. */
    static final int SEGMENT_GROUP = 16;
    /**
     * Past this many records held as MemoryIndexes (~100 KB each for a ~1.5 KB host record), or this many
     * new chunks, the new chunks are merged into one in-memory segment (a few KB a record): the overlay
     * stays small, and its leaves few, while a move into main waits (e.g. behind a commit stuck on a slow disk).
     */
    static final int COMPACT_RECORDS = 128;
    static final int COMPACT_CHUNKS = 32;
    private static final Analyzer KEYWORDS = new StandardAnalyzer(); // not used: every indexed field is a keyword

    private record Pending(List<BytesRef> keys, List<LeafReader> leaves, int memoryRecords) {}

    private final long createdNanos = System.nanoTime();
    private final Set<BytesRef> keys = new HashSet<>();
    /** Keys in the order first written here; those from {@code masked} on are not yet hidden below. */
    private final List<BytesRef> order = new ArrayList<>();
    private int masked;
    private final List<MaskedLayer> chunks = new ArrayList<>();
    private final List<Pending> pending = new ArrayList<>();
    private int documents;
    /** Records held as MemoryIndexes, and where the chunks not yet compacted start. */
    private int memoryRecords;
    private int compacted;
    /** Every change up to this seqNo is in this overlay or below it. */
    private long throughSeq;

    RecentWrites(long throughSeq) {
        this.throughSeq = throughSeq;
    }

    /** Indexes the last change of each record as one chunk (no space deletions: those go to main). */
    void apply(List<CommittedChange> latest, long throughSeq) throws IOException {
        List<BytesRef> written = new ArrayList<>(latest.size());
        List<Document> docs = new ArrayList<>(latest.size());
        for (CommittedChange change : latest) {
            written.add(new BytesRef(IndexFields.key(change.space(), change.id())));
            switch (change.kind()) {
                case UPSERT -> docs.add(EntityDocuments.build(change.space(), change.id(), change.seqNo(), change.json()));
                case DELETE -> { } // a tombstone: only its key, which hides the older copies
                case SPACE_DELETED -> throw new IllegalArgumentException("a space deletion is applied to the main index");
            }
        }
        boolean asSegment = docs.size() >= SEGMENT_GROUP;
        pending.add(new Pending(written, asSegment ? segment(docs) : memoryIndexes(docs), asSegment ? 0 : docs.size()));
        documents += docs.size();
        this.throughSeq = Math.max(this.throughSeq, throughSeq);
    }

    private static List<LeafReader> memoryIndexes(List<Document> docs) {
        List<LeafReader> leaves = new ArrayList<>(docs.size());
        for (Document doc : docs) {
            // A MemoryIndex stores a StringField's value as bytes, which would reach main that way
            // through addIndexes: keep the id a stored string, as EntityDocuments writes it.
            String id = doc.get(IndexFields.ID);
            doc.removeField(IndexFields.ID);
            doc.add(new StringField(IndexFields.ID, id, Field.Store.NO));
            doc.add(new StoredField(IndexFields.ID, id));
            MemoryIndex index = MemoryIndex.fromDocument(doc, KEYWORDS);
            index.freeze(); // read-only from here: searches may read it from any thread
            leaves.add(new MemoryLeaf(index.createSearcher().getIndexReader().leaves().get(0).reader(), doc));
        }
        return leaves;
    }

    private static List<LeafReader> segment(List<Document> docs) throws IOException {
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = inMemoryWriter(directory)) {
            writer.addDocuments(docs);
            writer.commit(); // in memory: no fsync
        }
        return MaskedLayer.leavesOf(DirectoryReader.open(directory));
    }

    private static IndexWriter inMemoryWriter(ByteBuffersDirectory directory) throws IOException {
        return new IndexWriter(directory, new IndexWriterConfig()
                .setCodec(new EntityIndexCodec())
                .setUseCompoundFile(false)
                .setMergePolicy(NoMergePolicy.INSTANCE)
                .setRAMBufferSizeMB(256));
    }

    /**
     * Merges the chunks published since the last compaction, as a view of {@code generation} sees them,
     * into one segment. Earlier ones are left as they are: merging them again each time would rewrite the
     * whole overlay every few writes.
     */
    private void compact(int generation) throws IOException {
        List<MaskedLayer> tail = chunks.subList(compacted, chunks.size());
        List<CodecReader> live = new ArrayList<>();
        List<LeafReader> leaves = new ArrayList<>();
        for (MaskedLayer chunk : tail) {
            chunk.leaves(generation, leaves);
        }
        for (LeafReader leaf : leaves) {
            if (leaf.numDocs() > 0) {
                live.add(SlowCodecReaderWrapper.wrap(leaf));
            }
        }
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = inMemoryWriter(directory)) {
            writer.addIndexes(live.toArray(new CodecReader[0]));
            writer.commit();
        }
        tail.clear(); // views already published keep the chunks they hold
        chunks.add(new MaskedLayer(null, MaskedLayer.leavesOf(DirectoryReader.open(directory))));
        compacted = chunks.size();
        memoryRecords = 0;
    }

    boolean hasPending() {
        return !pending.isEmpty();
    }

    /**
     * Publishes the pending chunks in write order, each hiding its records' copies in the chunks before
     * it, from views of {@code generation} on.
     *
     * @return the keys written since the last call, sorted, whose copies below this overlay are to be hidden
     */
    List<BytesRef> publish(int generation) throws IOException {
        for (Pending chunk : pending) {
            List<BytesRef> sorted = new ArrayList<>(chunk.keys());
            sorted.sort(null);
            hide(sorted, generation);
            chunks.add(new MaskedLayer(null, chunk.leaves()));
            memoryRecords += chunk.memoryRecords();
            for (BytesRef key : chunk.keys()) {
                if (keys.add(key)) {
                    order.add(key);
                }
            }
        }
        pending.clear();
        if (memoryRecords >= COMPACT_RECORDS || chunks.size() - compacted >= COMPACT_CHUNKS) {
            compact(generation);
        }
        List<BytesRef> fresh = new ArrayList<>(order.subList(masked, order.size()));
        masked = order.size();
        fresh.sort(null);
        return fresh;
    }

    /** Hides the copies of {@code keys} in every published chunk (newer writes above this overlay). */
    void hide(List<BytesRef> sortedKeys, int generation) throws IOException {
        for (MaskedLayer chunk : chunks) {
            chunk.hide(sortedKeys, generation);
        }
    }

    /** Copies the chunks' masks with every stamp at 1, for views whose generations start again. */
    void restamp() {
        chunks.replaceAll(MaskedLayer::restamped);
    }

    /** The published chunks' leaves as a view of {@code generation} sees them. */
    void leaves(int generation, List<LeafReader> into) {
        for (MaskedLayer chunk : chunks) {
            chunk.leaves(generation, into);
        }
    }

    /** The records as a view of {@code generation} sees them, for {@code addIndexes} into main. */
    CodecReader[] segments(int generation) throws IOException {
        List<LeafReader> leaves = new ArrayList<>();
        leaves(generation, leaves);
        List<CodecReader> segments = new ArrayList<>(leaves.size());
        for (LeafReader leaf : leaves) {
            if (leaf.numDocs() > 0) {
                // Main keeps its documents sorted: addIndexes takes only readers of the same sort.
                segments.add(SortingCodecReader.wrap(SlowCodecReaderWrapper.wrap(leaf), LuceneSorts.newestFirst()));
            }
        }
        return segments.toArray(new CodecReader[0]);
    }

    /** How many keys (by arrival) are searchable here and hidden below. */
    int maskedCount() {
        return masked;
    }

    /** The keys first written here between two arrival positions, sorted. */
    List<BytesRef> keysBetween(int from, int to) {
        List<BytesRef> some = new ArrayList<>(order.subList(from, to));
        some.sort(null);
        return some;
    }

    /** How many records were written here (published or not). */
    int keyCount() {
        return order.size() + pending.stream().mapToInt(p -> p.keys().size()).sum();
    }

    /** How many documents were indexed here, superseded ones included. */
    int documentCount() {
        return documents;
    }

    boolean isEmpty() {
        return order.isEmpty() && pending.isEmpty();
    }

    long ageMillis() {
        return (System.nanoTime() - createdNanos) / 1_000_000;
    }

    /** Changes through {@code seq} were applied below this overlay (to main directly). */
    void advance(long seq) {
        throughSeq = Math.max(throughSeq, seq);
    }

    long throughSeq() {
        return throughSeq;
    }

    /** The terms that delete this overlay's records from main before its segments are added. */
    Term[] keyTerms() {
        Term[] terms = new Term[order.size()];
        for (int i = 0; i < terms.length; i++) {
            terms[i] = new Term(IndexFields.KEY, order.get(i));
        }
        return terms;
    }
}
