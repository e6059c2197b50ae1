package dev.entitystore.store.embedded.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.Bits;

/**
 * What one search sees: the index as of its last refresh, with the copies that later writes superseded
 * hidden, plus those writes themselves ({@link RecentRecord}s). Immutable: a write makes a new view, and
 * a search keeps the view it started with. The searcher, the field catalogue and the match counts are
 * built when a search first asks, so a stream of writes with no search between them builds none.
 */
final class SearchView {
    private static final int MAX_CACHED_COUNTS = 256;
    private static final Set<String> ID = Set.of(IndexFields.ID);

    /** A refreshed reader and what is worth keeping while it is current. */
    record Refreshed(DirectoryReader reader, MaskedLeafReader[] segments, FieldCatalog catalog) {
        static Refreshed of(DirectoryReader reader) {
            MaskedLeafReader[] segments = new MaskedLeafReader[reader.leaves().size()];
            for (int i = 0; i < segments.length; i++) {
                segments[i] = new MaskedLeafReader(reader.leaves().get(i).reader());
            }
            return new Refreshed(reader, segments, FieldCatalog.of(reader));
        }
    }

    private final Refreshed main;
    /** The latest write of each record since the refresh, in the order they were written. */
    private final List<RecentRecord> recent;
    /** Per segment of {@code main}, the sorted doc ids that a recent write superseded. */
    private final int[][] hidden;

    private volatile Built built;

    private record Built(IndexSearcher searcher, FieldCatalog fields, List<RecentRecord> searched,
                         Map<Query, Integer> counts) {}

    private SearchView(Refreshed main, List<RecentRecord> recent, int[][] hidden) {
        this.main = main;
        this.recent = recent;
        this.hidden = hidden;
    }

    static SearchView of(Refreshed main) {
        return new SearchView(main, List.of(), nothingHidden(main));
    }

    private static int[][] nothingHidden(Refreshed main) {
        int[][] none = new int[main.segments().length][];
        Arrays.fill(none, new int[0]);
        return none;
    }

    Refreshed main() {
        return main;
    }

    int recentCount() {
        return recent.size();
    }

    /** This view with {@code records} written after everything it holds. */
    SearchView with(List<RecentRecord> records) throws IOException {
        List<RecentRecord> merged = new ArrayList<>(recent.size() + records.size());
        for (RecentRecord old : recent) {
            if (records.stream().noneMatch(record -> record.key().bytesEquals(old.key()))) {
                merged.add(old);
            }
        }
        merged.addAll(records);
        return new SearchView(main, merged, hide(main, hidden, records));
    }

    /**
     * This view's recent writes over a newer refresh that includes every write up to {@code floor}:
     * those are dropped, the others hide their copies in the new segments (a refresh may have caught
     * some of them too).
     */
    SearchView rebase(Refreshed newer, long floor) throws IOException {
        List<RecentRecord> remaining = new ArrayList<>();
        for (RecentRecord record : recent) {
            if (record.seq() > floor) {
                remaining.add(record);
            }
        }
        return new SearchView(newer, remaining, hide(newer, nothingHidden(newer), remaining));
    }

    /** Adds to {@code hidden} the live documents of {@code main} that hold any of these records. */
    private static int[][] hide(Refreshed main, int[][] hidden, List<RecentRecord> records) throws IOException {
        int[][] result = hidden.clone();
        if (records.isEmpty()) {
            return result;
        }
        PostingsEnum postings = null;
        int[] found = new int[8];
        for (int i = 0; i < result.length; i++) {
            LeafReader segment = main.segments()[i].getDelegate();
            Terms terms = segment.terms(IndexFields.KEY);
            if (terms == null) {
                continue;
            }
            TermsEnum keys = terms.iterator();
            Bits live = segment.getLiveDocs();
            int count = 0;
            for (RecentRecord record : records) {
                if (!keys.seekExact(record.key())) {
                    continue;
                }
                postings = keys.postings(postings, PostingsEnum.NONE);
                for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                    if (live == null || live.get(doc)) {
                        if (count == found.length) {
                            found = Arrays.copyOf(found, count * 2);
                        }
                        found[count++] = doc;
                    }
                }
            }
            if (count > 0) {
                result[i] = union(result[i], Arrays.copyOf(found, count));
            }
        }
        return result;
    }

    private static int[] union(int[] sorted, int[] added) {
        int[] all = Arrays.copyOf(sorted, sorted.length + added.length);
        System.arraycopy(added, 0, all, sorted.length, added.length);
        Arrays.sort(all);
        int unique = 0;
        for (int i = 0; i < all.length; i++) {
            if (i == 0 || all[i] != all[unique - 1]) {
                all[unique++] = all[i];
            }
        }
        return Arrays.copyOf(all, unique);
    }

    IndexSearcher searcher() {
        return built().searcher();
    }

    FieldCatalog fields() {
        return built().fields();
    }

    /** The matches of {@code query} in this view, remembered: paging through one filter counts it once. */
    int count(Query query) throws IOException {
        Built view = built();
        Integer cached = view.counts().get(query);
        if (cached != null) {
            return cached;
        }
        int count = view.searcher().count(query);
        if (view.counts().size() < MAX_CACHED_COUNTS) {
            view.counts().put(query, count);
        }
        return count;
    }

    /** The record ids of hits of this view's searcher. */
    List<String> ids(ScoreDoc[] docs, int first) throws IOException {
        Built view = built();
        int mainDocs = main.reader().maxDoc();
        StoredFields stored = main.reader().storedFields();
        List<String> ids = new ArrayList<>(Math.max(0, docs.length - first));
        for (int i = first; i < docs.length; i++) {
            int doc = docs[i].doc;
            // each recent record is a one-document reader after the segments, in order
            ids.add(doc < mainDocs ? stored.document(doc, ID).get(IndexFields.ID) : view.searched().get(doc - mainDocs).id());
        }
        return ids;
    }

    private Built built() {
        Built view = built;
        if (view == null) {
            synchronized (this) {
                view = built;
                if (view == null) {
                    view = build();
                    built = view;
                }
            }
        }
        return view;
    }

    private Built build() {
        if (recent.isEmpty()) {
            return new Built(new IndexSearcher(main.reader()), main.catalog(), List.of(), new ConcurrentHashMap<>());
        }
        List<IndexReader> readers = new ArrayList<>(hidden.length + recent.size());
        for (int i = 0; i < hidden.length; i++) {
            MaskedLeafReader segment = main.segments()[i];
            readers.add(hidden[i].length == 0 ? segment : new MaskedLeafReader(segment.getDelegate(), hidden[i]));
        }
        List<RecentRecord> searched = new ArrayList<>(recent.size());
        List<LeafReader> leaves = new ArrayList<>(recent.size());
        for (RecentRecord record : recent) {
            if (!record.deleted()) {
                searched.add(record);
                leaves.add(record.leaf());
            }
        }
        readers.addAll(leaves);
        try {
            MultiReader all = new MultiReader(readers.toArray(new IndexReader[0]), false);
            return new Built(new IndexSearcher(all), main.catalog().with(leaves), searched, new ConcurrentHashMap<>());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
