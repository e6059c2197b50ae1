package dev.entitystore.store.embedded.search;

import dev.entitystore.domain.store.CommittedChange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The overlay: the records written since the last rotation, in a small in-memory index of their own, so
 * that making a write searchable refreshes a few documents instead of the main index. It remembers every
 * key it was handed (upserts and deletions alike): those are the records whose copies in older layers
 * are superseded.
 *
 * <p>It has the main index's sort: {@code addIndexes} then merges its sorted segments into main instead of
 * sorting them, and a newest-first listing stops early in it as in main.
 *
 * <p>Threads: written and refreshed under the owner's lock; its readers are read by searches.
 */
final class RecentWrites implements AutoCloseable {
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final IndexWriter writer;
    private final long createdNanos = System.nanoTime();
    private final Set<BytesRef> keys = new HashSet<>();
    /** Keys in the order first written here; those from {@code masked} on are not yet hidden below. */
    private final List<BytesRef> order = new ArrayList<>();
    private int masked;
    private DirectoryReader reader;
    /** Every change up to this seqNo is in this overlay or below it. */
    private long throughSeq;

    RecentWrites(long throughSeq) throws IOException {
        TieredMergePolicy merges = new TieredMergePolicy();
        merges.setFloorSegmentMB(0.25); // one refresh per write group makes tiny segments: merge them early
        this.writer = new IndexWriter(directory, new IndexWriterConfig()
                .setCodec(new EntityIndexCodec())
                .setIndexSort(LuceneSorts.newestFirst())
                .setMergePolicy(merges)
                .setRAMBufferSizeMB(64)
                .setCommitOnClose(false));
        this.reader = DirectoryReader.open(writer);
        this.throughSeq = throughSeq;
    }

    /** Applies the last change of each record (no space deletions: those go to main). */
    void apply(List<CommittedChange> latest, long throughSeq) throws IOException {
        for (CommittedChange change : latest) {
            BytesRef key = new BytesRef(IndexFields.key(change.space(), change.id()));
            switch (change.kind()) {
                case UPSERT -> writer.updateDocument(new Term(IndexFields.KEY, key),
                        EntityDocuments.build(change.space(), change.id(), change.seqNo(), change.json()));
                case DELETE -> writer.deleteDocuments(new Term(IndexFields.KEY, key));
                case SPACE_DELETED -> throw new IllegalArgumentException("a space deletion is applied to the main index");
            }
            if (keys.add(key)) {
                order.add(key);
            }
        }
        this.throughSeq = Math.max(this.throughSeq, throughSeq);
    }

    /** Opens a reader on what was applied; false when nothing changed. */
    boolean refresh() throws IOException {
        DirectoryReader next = DirectoryReader.openIfChanged(reader, writer, true);
        if (next == null) {
            return false;
        }
        reader.decRef();
        reader = next;
        return true;
    }

    /** Keys written since the last call, sorted: their copies below still have to be hidden. */
    List<BytesRef> takeUnmasked() {
        List<BytesRef> fresh = new ArrayList<>(order.subList(masked, order.size()));
        masked = order.size();
        fresh.sort(null);
        return fresh;
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

    /** How many records were written here. */
    int keyCount() {
        return order.size();
    }

    boolean isEmpty() {
        return order.isEmpty();
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

    DirectoryReader reader() {
        return reader;
    }

    /** The segments of the last reader, for {@code addIndexes} into main. */
    CodecReader[] segments() {
        List<CodecReader> segments = new ArrayList<>();
        for (LeafReaderContext context : reader.leaves()) {
            segments.add((CodecReader) context.reader());
        }
        return segments.toArray(new CodecReader[0]);
    }

    /** The terms that delete this overlay's records from main before its segments are added. */
    Term[] keyTerms() {
        Term[] terms = new Term[order.size()];
        for (int i = 0; i < terms.length; i++) {
            terms[i] = new Term(IndexFields.KEY, order.get(i));
        }
        return terms;
    }

    /**
     * Drops it. Views still holding one of its readers keep reading it: a reader has its files open, and
     * the files of an in-memory directory are only unlinked from its map.
     */
    @Override
    public void close() throws IOException {
        reader.decRef();
        writer.rollback();
    }
}
