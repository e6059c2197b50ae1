package dev.entitystore.store.embedded.search;

import dev.entitystore.domain.store.CommittedChange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.util.BytesRef;

/**
 * The layers searches see as one reader, newest on top: the current overlay, a sealed overlay on its way
 * into main (during a rotation), and the main index's reader. A record is answered from the newest layer
 * that has written it: its copies below are hidden ({@link MaskedLayer}), deletions included, so every
 * record is listed once and totals are exact.
 *
 * <p>Each published view has a generation; hiding stamps documents with the generation of the first view
 * that hides them, so older views keep answering as they were. Generations start again at each main
 * reader (its masks are new, the overlay's are copied with every stamp at 1), so they never run out.
 *
 * <p>Threads: every method that changes the layers holds this object's lock (the follower writes and
 * refreshes; the rotation seals and installs); {@link #acquire} takes no lock.
 */
final class SearchLayers implements AutoCloseable {
    /** A sealed overlay, and its records as they were when sealed (what moves into main). */
    record Sealed(RecentWrites writes, CodecReader[] segments) {}

    private MaskedLayer main;
    private RecentWrites sealed;
    private RecentWrites current;
    private int generation;
    private volatile SearchView view;

    /** @param mainReader the main index's reader; owned from now on */
    SearchLayers(DirectoryReader mainReader, long seq) throws IOException {
        this.main = new MaskedLayer(mainReader);
        this.current = new RecentWrites(seq);
        publish();
    }

    synchronized void write(List<CommittedChange> latest, long throughSeq) throws IOException {
        current.apply(latest, throughSeq);
    }

    /** Makes what was written searchable, hiding the older copies of the records it writes. */
    synchronized void refresh() throws IOException {
        if (!current.hasPending()) {
            return;
        }
        generation++;
        List<BytesRef> fresh = current.publish(generation);
        main.hide(fresh, generation);
        if (sealed != null) {
            sealed.hide(fresh, generation);
        }
        publish();
    }

    /** Whether the current overlay should move into main: big or old enough, and no rotation under way. */
    synchronized boolean rotationDue(int maxDocs, long maxAgeMillis) {
        return sealed == null && !current.isEmpty()
                && (current.keyCount() >= maxDocs || current.documentCount() >= maxDocs
                    || current.ageMillis() >= maxAgeMillis);
    }

    /**
     * Seals the current overlay (after making all of it searchable) and starts a new one above it.
     *
     * @return the sealed overlay, to move into main; null when there is nothing to move
     */
    synchronized Sealed seal() throws IOException {
        if (sealed != null) {
            throw new IllegalStateException("a sealed overlay is still on its way into main");
        }
        refresh();
        if (current.isEmpty()) {
            return null;
        }
        sealed = current;
        current = new RecentWrites(sealed.throughSeq());
        // As the current view sees it: newer writes hide more of it later, but those are above main too.
        return new Sealed(sealed, sealed.segments(generation));
    }

    /** The main index's reader in the current view (the rotation refreshes from it). */
    synchronized DirectoryReader mainReader() {
        return main.reader();
    }

    /**
     * Puts a new main reader under the current overlay, dropping the sealed overlay (which that reader
     * includes). The copies of what the current overlay wrote are looked up in it mostly outside the lock;
     * only keys that arrive meanwhile are looked up under it.
     *
     * @param mainReader one reference to it is owned from now on (it may be the current one, referenced again)
     */
    void install(DirectoryReader mainReader) throws IOException {
        MaskedLayer layer = new MaskedLayer(mainReader);
        int seen;
        List<BytesRef> first;
        synchronized (this) {
            seen = current.maskedCount();
            first = current.keysBetween(0, seen);
        }
        layer.hide(first, 1);
        DirectoryReader oldMain;
        synchronized (this) {
            layer.hide(current.keysBetween(seen, current.maskedCount()), 1);
            oldMain = main.reader();
            main = layer;
            sealed = null;
            // Every mask of the new view is new or copied: stamps start again, so they never run out.
            current.restamp();
            generation = 1;
            publish();
        }
        oldMain.decRef();
    }

    /** Moves the current overlay's seqNo along (changes applied to main directly, below it). */
    synchronized void advance(long throughSeq) {
        current.advance(throughSeq);
    }

    private void publish() throws IOException {
        List<LeafReader> leaves = new ArrayList<>();
        main.leaves(generation, leaves);
        if (sealed != null) {
            sealed.leaves(generation, leaves);
        }
        current.leaves(generation, leaves);
        SearchView previous = view;
        view = new SearchView(leaves, List.of(main.reader()));
        if (previous != null) {
            previous.decRef();
        }
    }

    /** The current view, with a reference the caller releases ({@link SearchView#decRef}). */
    SearchView acquire() {
        while (true) {
            SearchView current = view;
            if (current.tryIncRef()) {
                return current;
            }
        }
    }

    /** Lets go of every layer (what is in the overlays is lost unless moved into main before). */
    @Override
    public synchronized void close() throws IOException {
        view.decRef();
        main.reader().decRef();
    }
}
