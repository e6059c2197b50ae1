package dev.entitystore.store.embedded.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.util.BytesRef;

/**
 * A write since the last refresh: the record as a one-document in-memory index ({@link MemoryIndex}),
 * searched beside the refreshed segments until a refresh includes it, or, for a deletion, nothing but
 * the key that hides the older copy. Writes answered this way need no segment flush of their own.
 *
 * @param leaf the record's one-document reader; {@code null} for a deletion
 */
record RecentRecord(String space, String id, BytesRef key, long seq, LeafReader leaf) {
    /**
     * Every indexed field of a record is a keyword (not tokenized), so the analyzer is never asked for
     * tokens; a MemoryIndex only reads position and offset gaps from it.
     */
    private static final Analyzer UNUSED = new StandardAnalyzer();

    static RecentRecord upsert(String space, String id, BytesRef key, long seq, Document doc) {
        MemoryIndex index = new MemoryIndex(false, false);
        for (IndexableField field : doc) {
            index.addField(field, UNUSED);
        }
        index.freeze(); // read-only from here: safe for concurrent searches
        return new RecentRecord(space, id, key, seq, (LeafReader) index.createSearcher().getIndexReader());
    }

    static RecentRecord delete(String space, String id, BytesRef key, long seq) {
        return new RecentRecord(space, id, key, seq, null);
    }

    boolean deleted() {
        return leaf == null;
    }
}
