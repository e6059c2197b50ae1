package dev.entitystore.store.embedded.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * An older layer of the search view (the main index's reader, or a sealed overlay) whose copies of
 * records written since are hidden. Keys are looked up once, when they are first written to a newer
 * layer, and each hidden document is stamped with the generation of the first view that hides it; a
 * stamp is never cleared, as a superseded copy stays superseded.
 *
 * <p>Threads: {@link #hide} and {@link #leaves} under the owner's lock; searches read the stamps of the
 * views they hold (published after the stamps were written).
 */
final class MaskedLayer {
    private final DirectoryReader reader;
    private final List<LeafReader> leaves;
    private final int[][] hiddenAt;
    /** Per leaf, how many of its live documents are hidden. */
    private final int[] hiddenLive;

    MaskedLayer(DirectoryReader reader) {
        this(reader, leavesOf(reader));
    }

    /** @param reader the directory reader the leaves belong to, if any */
    MaskedLayer(DirectoryReader reader, List<LeafReader> leaves) {
        this.reader = reader;
        this.leaves = leaves;
        this.hiddenAt = new int[leaves.size()][];
        this.hiddenLive = new int[leaves.size()];
    }

    static List<LeafReader> leavesOf(IndexReader reader) {
        List<LeafReader> leaves = new ArrayList<>();
        for (LeafReaderContext context : reader.leaves()) {
            leaves.add(context.reader());
        }
        return leaves;
    }

    DirectoryReader reader() {
        return reader;
    }

    /** Hides the live copies of {@code keys} (sorted, for seeks in order) from views of {@code generation} on. */
    void hide(List<BytesRef> keys, int generation) throws IOException {
        if (keys.isEmpty()) {
            return;
        }
        PostingsEnum postings = null;
        for (int i = 0; i < leaves.size(); i++) {
            LeafReader leaf = leaves.get(i);
            Terms terms = leaf.terms(IndexFields.KEY);
            if (terms == null) {
                continue;
            }
            TermsEnum termsEnum = terms.iterator();
            Bits live = leaf.getLiveDocs();
            for (BytesRef key : keys) {
                if (!termsEnum.seekExact(key)) {
                    continue;
                }
                postings = termsEnum.postings(postings, PostingsEnum.NONE);
                for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                    if (live != null && !live.get(doc)) {
                        continue; // an old copy the segment already deleted
                    }
                    if (hiddenAt[i] == null) {
                        hiddenAt[i] = new int[leaf.maxDoc()];
                    }
                    if (hiddenAt[i][doc] == 0) {
                        hiddenAt[i][doc] = generation;
                        hiddenLive[i]++;
                    }
                }
            }
        }
    }

    /**
     * A copy whose stamps are all 1 (hidden from every view of a new numbering); views still holding
     * this one keep its stamps.
     */
    MaskedLayer restamped() {
        MaskedLayer copy = new MaskedLayer(reader, leaves);
        for (int i = 0; i < leaves.size(); i++) {
            copy.hiddenLive[i] = hiddenLive[i];
            if (hiddenAt[i] != null) {
                copy.hiddenAt[i] = new int[hiddenAt[i].length];
                for (int doc = 0; doc < hiddenAt[i].length; doc++) {
                    copy.hiddenAt[i][doc] = hiddenAt[i][doc] == 0 ? 0 : 1;
                }
            }
        }
        return copy;
    }

    /** The leaves as a view of {@code generation} sees them; adds them to {@code into}. */
    void leaves(int generation, List<LeafReader> into) {
        for (int i = 0; i < leaves.size(); i++) {
            LeafReader leaf = leaves.get(i);
            into.add(hiddenAt[i] == null ? leaf
                    : new MaskedLeafReader(leaf, hiddenAt[i], generation, leaf.numDocs() - hiddenLive[i]));
        }
    }
}
