package dev.entitystore.store.embedded.search;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What searches see at one moment: the layers' leaves (masked where a newer layer supersedes them) as one
 * reader, with what is worth keeping per view: its field catalogue, and match counts, since paging through
 * one filter counts the same matches on every page (an exact count over 1M entities costs milliseconds).
 *
 * <p>Reference counted: the index holds one reference while the view is current, each search one while
 * it runs; the last release lets go of the layers' readers.
 */
final class SearchView {
    private static final Logger LOG = LoggerFactory.getLogger(SearchView.class);
    private static final int MAX_CACHED_COUNTS = 256;

    private final MultiReader reader;
    private final List<DirectoryReader> held;
    private final IndexSearcher searcher;
    private final AtomicInteger refs = new AtomicInteger(1);
    private final Map<Query, Integer> counts = new ConcurrentHashMap<>();
    private volatile FieldCatalog catalog;

    /** @param held the directory readers the leaves belong to; each gets one more reference here */
    SearchView(List<LeafReader> leaves, List<DirectoryReader> held) throws IOException {
        for (DirectoryReader directoryReader : held) {
            directoryReader.incRef();
        }
        this.held = held;
        this.reader = new MultiReader(leaves.toArray(new LeafReader[0]), false);
        this.searcher = new IndexSearcher(reader);
    }

    IndexSearcher searcher() {
        return searcher;
    }

    FieldCatalog catalog() {
        FieldCatalog fields = catalog;
        if (fields == null) {
            fields = FieldCatalog.of(reader);
            catalog = fields;
        }
        return fields;
    }

    int count(Query query) throws IOException {
        Integer cached = counts.get(query);
        if (cached != null) {
            return cached;
        }
        int count = searcher.count(query);
        if (counts.size() < MAX_CACHED_COUNTS) {
            counts.put(query, count);
        }
        return count;
    }

    /** Takes a reference unless the view was already let go. */
    boolean tryIncRef() {
        while (true) {
            int current = refs.get();
            if (current <= 0) {
                return false;
            }
            if (refs.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }

    void decRef() {
        if (refs.decrementAndGet() != 0) {
            return;
        }
        try {
            reader.close();
            for (DirectoryReader directoryReader : held) {
                directoryReader.decRef();
            }
        } catch (IOException e) {
            LOG.warn("a search view did not close cleanly: {}", e.getMessage());
        }
    }
}
