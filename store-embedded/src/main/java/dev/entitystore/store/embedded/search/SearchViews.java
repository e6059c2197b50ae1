package dev.entitystore.store.embedded.search;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;

/**
 * The current {@link SearchView} of an index writer, and its changes: a recent write makes a new view
 * at once, with no segment flush; a refresh (in the background, or when a large batch is better flushed
 * than held in memory) folds the writes it includes into the segments and drops them from the view.
 *
 * <p>Threads: one thread adds recent writes (the follower); refreshes may come from another, one at a
 * time; searches acquire and release views from any thread. A view's segments stay open while a search
 * holds it, even once a refresh has replaced them.
 */
final class SearchViews implements AutoCloseable {
    private final IndexWriter writer;
    private final Object refreshLock = new Object();
    /** Guards replacing {@link #current}: a write and a refresh each derive the next view from the last. */
    private final Object viewLock = new Object();
    private volatile SearchView current;

    SearchViews(IndexWriter writer) throws IOException {
        this.writer = writer;
        this.current = SearchView.of(SearchView.Refreshed.of(DirectoryReader.open(writer)));
    }

    /** The current view, its segments held open until {@link #release}. */
    SearchView acquire() {
        while (true) {
            SearchView view = current;
            if (view.main().reader().tryIncRef()) {
                return view;
            }
            // a refresh closed it between the read and the increment: the next read sees its successor
        }
    }

    void release(SearchView view) throws IOException {
        view.main().reader().decRef();
    }

    /** Makes {@code records} searchable now; each is already in the writer. */
    void addRecent(List<RecentRecord> records) throws IOException {
        synchronized (viewLock) {
            current = current.with(records);
        }
    }

    /** How many recent writes the current view holds beside its segments. */
    int recentCount() {
        return current.recentCount();
    }

    /**
     * Refreshes from the writer (near-real-time: no fsync).
     *
     * @param floor a seqNo every change up to which was handed to the writer before this call
     */
    void refresh(long floor) throws IOException {
        synchronized (refreshLock) {
            DirectoryReader old = current.main().reader();
            DirectoryReader fresh = DirectoryReader.openIfChanged(old, writer);
            SearchView.Refreshed main = fresh == null ? current.main() : SearchView.Refreshed.of(fresh);
            synchronized (viewLock) {
                current = current.rebase(main, floor);
            }
            if (fresh != null) {
                old.decRef();
            }
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (refreshLock) {
            current.main().reader().decRef();
        }
    }
}
