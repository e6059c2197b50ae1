package dev.entitystore.store.embedded.search;

import dev.entitystore.domain.query.DateValues;
import dev.entitystore.domain.search.InvalidSearchAfterException;
import dev.entitystore.domain.search.SearchSort;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.SortedSetSelector;
import org.apache.lucene.search.SortedSetSortField;
import org.apache.lucene.util.BytesRef;

/**
 * A {@link SearchSort} as a Lucene sort, always ending with the seqNo tie-breaker (in the primary
 * sort's direction), and the sort values of a hit to and from their wire form (numbers and strings).
 * Missing values sort last in both directions; multi-valued fields sort on their lowest value ascending
 * and highest descending.
 */
final class LuceneSorts {
    /** What kind of values the primary sort compares; decides how sort values are read and written. */
    enum Kind { LONG, DOUBLE, KEYWORD }

    private final Sort sort;
    private final Kind kind;

    private LuceneSorts(Sort sort, Kind kind) {
        this.sort = sort;
        this.kind = kind;
    }

    /** The index's own order, equal to the newest-first search sort so searches can stop early. */
    static Sort newestFirst() {
        return new Sort(timestamp(true), new SortField(IndexFields.SEQ, SortField.Type.LONG, true));
    }

    private static SortField timestamp(boolean reverse) {
        // Points and doc values of one name: Lucene can also skip entities that cannot make the page.
        SortField timestamp = new SortField(IndexFields.TIMESTAMP, SortField.Type.LONG, reverse);
        timestamp.setMissingValue(reverse ? Long.MIN_VALUE : Long.MAX_VALUE);
        return timestamp;
    }

    static LuceneSorts of(SearchSort spec, FieldCatalog fields) {
        boolean reverse = spec.descending();
        String field = spec.field();
        SortField tieBreaker = new SortField(IndexFields.SEQ, SortField.Type.LONG, reverse);
        SortField primary;
        Kind kind;
        if (field.equals(SearchSort.TIMESTAMP)) {
            primary = timestamp(reverse);
            kind = Kind.LONG;
        } else if (fields.hasDates(field)) {
            primary = new SortedNumericSortField(IndexFields.date(field), SortField.Type.LONG, reverse, selector(reverse));
            primary.setMissingValue(reverse ? Long.MIN_VALUE : Long.MAX_VALUE);
            kind = Kind.LONG;
        } else if (fields.hasNumbers(field)) {
            primary = new SortedNumericSortField(IndexFields.number(field), SortField.Type.DOUBLE, reverse, selector(reverse));
            primary.setMissingValue(reverse ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
            kind = Kind.DOUBLE;
        } else {
            // Also for a field no entity has yet: every entity lacks it, the tie-breaker orders them.
            if (IndexFields.SORTABLE.contains(field)) {
                primary = new SortedSetSortField(field, reverse, reverse ? SortedSetSelector.Type.MAX : SortedSetSelector.Type.MIN);
                primary.setMissingValue(reverse ? SortField.STRING_FIRST : SortField.STRING_LAST);
            } else {
                primary = new SortField(field, new TermsSortSource(), reverse);
            }
            kind = Kind.KEYWORD;
        }
        return new LuceneSorts(new Sort(primary, tieBreaker), kind);
    }

    private static SortedNumericSelector.Type selector(boolean reverse) {
        return reverse ? SortedNumericSelector.Type.MAX : SortedNumericSelector.Type.MIN;
    }

    Sort sort() {
        return sort;
    }

    /** A hit's sort values on the wire: the primary sort's value, then the tie-breaker. */
    List<Object> wireValues(FieldDoc hit) {
        List<Object> values = new ArrayList<>(hit.fields.length);
        for (Object value : hit.fields) {
            values.add(value instanceof BytesRef bytes ? bytes.utf8ToString() : value);
        }
        return values;
    }

    /**
     * The {@code searchAfter} values as Lucene's "after" document.
     *
     * @param lastDoc the reader's last document id: the tie-breaker is unique, so the document id never
     *                decides, and the last one lets nothing tie past the cursor
     */
    FieldDoc after(List<Object> wire, int lastDoc) {
        SortField[] sortFields = sort.getSort();
        if (wire.size() != sortFields.length) {
            throw new InvalidSearchAfterException("Bad request: Invalid searchAfter: search_after has " + wire.size()
                    + " value(s) but sort has " + sortFields.length + ".");
        }
        Object[] values = new Object[sortFields.length];
        values[0] = fromWire(wire.get(0), kind);
        values[1] = fromWire(wire.get(1), Kind.LONG);
        return new FieldDoc(lastDoc, Float.NaN, values);
    }

    private static Object fromWire(Object value, Kind kind) {
        return switch (kind) {
            case LONG -> {
                if (value instanceof Number number) {
                    yield number.longValue();
                }
                if (value instanceof String text) {
                    try {
                        yield Long.parseLong(text);
                    } catch (NumberFormatException e) {
                        yield DateValues.parseIso(text).orElseThrow(() -> notFitting(value));
                    }
                }
                throw notFitting(value);
            }
            case DOUBLE -> {
                if (value instanceof Number number) {
                    yield number.doubleValue();
                }
                throw notFitting(value);
            }
            case KEYWORD -> value == null ? null : new BytesRef(String.valueOf(value));
        };
    }

    private static InvalidSearchAfterException notFitting(Object value) {
        return new InvalidSearchAfterException("Bad request: Invalid searchAfter: [" + value + "] does not fit the sort");
    }
}
