package dev.entitystore.store.embedded.search;

import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.util.Bits;

/**
 * A segment as one search view sees it: its own live documents minus those a newer layer has superseded
 * ({@link MaskedLayer}). A document is hidden when its stamp in {@code hiddenAt} is set and no later than
 * the view's generation, so stamps written for newer views change nothing for this one.
 *
 * <p>Live documents differ from the segment's, so there is no reader cache key; the core (postings, doc
 * values) is the segment's own, and query caches keyed on it stay valid (they apply live docs apart).
 */
final class MaskedLeafReader extends FilterLeafReader {
    private final Bits liveDocs;
    private final int numDocs;

    MaskedLeafReader(LeafReader in, int[] hiddenAt, int generation, int numDocs) {
        super(in);
        Bits base = in.getLiveDocs();
        this.numDocs = numDocs;
        this.liveDocs = new Bits() {
            @Override
            public boolean get(int doc) {
                int stamp = hiddenAt[doc];
                return (stamp == 0 || stamp > generation) && (base == null || base.get(doc));
            }

            @Override
            public int length() {
                return hiddenAt.length;
            }
        };
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
        return null;
    }

    /** The segment belongs to its directory reader, which the search view releases. */
    @Override
    protected void doClose() {
    }
}
