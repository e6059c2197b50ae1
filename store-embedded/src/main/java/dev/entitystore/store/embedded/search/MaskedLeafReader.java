package dev.entitystore.store.embedded.search;

import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.util.Bits;

/**
 * A segment of the last refresh as one search view sees it: its live documents minus those a recent write
 * has superseded ({@link RecentRecord}), which the view searches in their newer state instead.
 *
 * <p>The hidden documents are few (the writes since the last refresh), so they are a sorted array, not a
 * copy of the segment's live documents. Live documents differ from the segment's, so there is no reader
 * cache key; the core (postings, doc values) is the segment's own, and query caches keyed on it stay
 * valid (Lucene applies live documents apart from what it caches).
 */
final class MaskedLeafReader extends FilterLeafReader {
    private static final int[] NONE = new int[0];

    private final int[] hidden;
    private final Bits liveDocs;
    private final int numDocs;

    /** The segment as it is, nothing hidden: what a view without recent writes searches. */
    MaskedLeafReader(LeafReader in) {
        this(in, NONE);
    }

    /** @param hidden sorted doc ids, each live in {@code in} */
    MaskedLeafReader(LeafReader in, int[] hidden) {
        super(in);
        this.hidden = hidden;
        this.numDocs = in.numDocs() - hidden.length;
        Bits base = in.getLiveDocs();
        this.liveDocs = hidden.length == 0 ? base : new Bits() {
            @Override
            public boolean get(int doc) {
                return (base == null || base.get(doc)) && java.util.Arrays.binarySearch(hidden, doc) < 0;
            }

            @Override
            public int length() {
                return in.maxDoc();
            }
        };
    }

    int[] hidden() {
        return hidden;
    }

    @Override
    public Bits getLiveDocs() {
        ensureOpen();
        return liveDocs;
    }

    @Override
    public int numDocs() {
        return numDocs;
    }

    @Override
    public CacheHelper getCoreCacheHelper() {
        return in.getCoreCacheHelper();
    }

    @Override
    public CacheHelper getReaderCacheHelper() {
        return hidden.length == 0 ? in.getReaderCacheHelper() : null;
    }

    /** The segment belongs to its directory reader, which the views release. */
    @Override
    protected void doClose() {
    }
}
