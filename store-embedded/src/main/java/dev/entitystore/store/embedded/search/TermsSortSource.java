package dev.entitystore.store.embedded.search;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldComparator;
import org.apache.lucene.search.FieldComparatorSource;
import org.apache.lucene.search.LeafFieldComparator;
import org.apache.lucene.search.Pruning;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefArray;
import org.apache.lucene.util.BytesRefBuilder;
import org.apache.lucene.util.Counter;

/**
 * A sort on a keyword path that has no doc values ({@link IndexFields#SORTABLE} names those that do): each
 * segment's values are read from the path's terms when the search reaches it, the lowest value of a document
 * ascending and the highest descending, missing values last both ways, as the doc-values sort orders them.
 * Correct for any path, but it reads every term of the path per search (~a few hundred ms for a path with a
 * million values), which is why the paths people sort on keep doc values.
 */
final class TermsSortSource extends FieldComparatorSource {
    @Override
    public FieldComparator<BytesRef> newComparator(String field, int numHits, Pruning pruning, boolean reversed) {
        return new TermsComparator(field, numHits, reversed);
    }

    /** Missing sorts after every value once Lucene applies the direction: below all of them when reversed. */
    private static int compare(boolean reversed, boolean aMissing, int a, boolean bMissing, int b) {
        if (aMissing || bMissing) {
            if (aMissing == bMissing) {
                return 0;
            }
            return aMissing == reversed ? -1 : 1;
        }
        return Integer.compare(a, b);
    }

    private static final class TermsComparator extends FieldComparator<BytesRef> {
        private final String field;
        private final boolean reversed;
        private final BytesRef[] values;
        private BytesRef top;
        /** The queue's bottom once it is full, -1 before: Lucene sets it once, the next segment inherits it. */
        private int bottomSlot = -1;

        TermsComparator(String field, int numHits, boolean reversed) {
            this.field = field;
            this.reversed = reversed;
            this.values = new BytesRef[numHits];
        }

        @Override
        public int compare(int slot1, int slot2) {
            return compareValues(values[slot1], values[slot2]);
        }

        @Override
        public int compareValues(BytesRef first, BytesRef second) {
            int order = first == null || second == null ? 0 : first.compareTo(second);
            return TermsSortSource.compare(reversed, first == null, order, second == null, 0);
        }

        @Override
        public void setTopValue(BytesRef value) {
            top = value;
        }

        @Override
        public BytesRef value(int slot) {
            return values[slot];
        }

        @Override
        public LeafFieldComparator getLeafComparator(LeafReaderContext context) throws IOException {
            SegmentValues segment = SegmentValues.read(context, field, reversed);
            int topKey = top == null ? 0 : segment.position(top);
            LeafFieldComparator leaf = new LeafFieldComparator() {
                private boolean bottomMissing;
                private int bottomKey;

                @Override
                public void setBottom(int slot) {
                    bottomSlot = slot;
                    bottomMissing = values[slot] == null;
                    bottomKey = bottomMissing ? 0 : segment.position(values[slot]);
                }

                @Override
                public int compareBottom(int doc) {
                    int ord = segment.ord(doc);
                    return TermsSortSource.compare(reversed, bottomMissing, bottomKey, ord < 0, 2 * ord);
                }

                @Override
                public int compareTop(int doc) {
                    int ord = segment.ord(doc);
                    return TermsSortSource.compare(reversed, top == null, topKey, ord < 0, 2 * ord);
                }

                @Override
                public void copy(int slot, int doc) {
                    values[slot] = segment.value(doc);
                }

                @Override
                public void setScorer(Scorable scorer) {
                }
            };
            if (bottomSlot >= 0) {
                leaf.setBottom(bottomSlot);
            }
            return leaf;
        }
    }

    /** One segment's sort value per document, as the rank of its term among the segment's used terms. */
    private static final class SegmentValues {
        private final int[] ords;
        private final BytesRefArray terms;
        private final BytesRefBuilder scratch = new BytesRefBuilder();

        private SegmentValues(int[] ords, BytesRefArray terms) {
            this.ords = ords;
            this.terms = terms;
        }

        static SegmentValues read(LeafReaderContext context, String field, boolean highest) throws IOException {
            int[] ords = new int[context.reader().maxDoc()];
            Arrays.fill(ords, -1);
            BytesRefArray used = new BytesRefArray(Counter.newCounter());
            Terms terms = context.reader().terms(field);
            if (terms != null) {
                TermsEnum termsEnum = terms.iterator();
                PostingsEnum postings = null;
                for (BytesRef term = termsEnum.next(); term != null; term = termsEnum.next()) {
                    int ord = used.size();
                    boolean taken = false;
                    postings = termsEnum.postings(postings, PostingsEnum.NONE);
                    for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                        // Terms come in ascending order: the first one seen is the lowest, the last the highest.
                        if (highest || ords[doc] < 0) {
                            ords[doc] = ord;
                            taken = true;
                        }
                    }
                    if (taken) {
                        used.append(term);
                    }
                }
            }
            return new SegmentValues(ords, used);
        }

        int ord(int doc) {
            return ords[doc];
        }

        BytesRef value(int doc) {
            int ord = ords[doc];
            return ord < 0 ? null : BytesRef.deepCopyOf(terms.get(scratch, ord));
        }

        /** Where {@code value} falls among the terms: 2 × its rank if present, else between two ranks (odd). */
        int position(BytesRef value) {
            int low = 0;
            int high = terms.size() - 1;
            while (low <= high) {
                int mid = (low + high) >>> 1;
                int order = terms.get(scratch, mid).compareTo(value);
                if (order < 0) {
                    low = mid + 1;
                } else if (order > 0) {
                    high = mid - 1;
                } else {
                    return 2 * mid;
                }
            }
            return 2 * low - 1;
        }
    }
}
