package dev.entitystore.domain.search.lucene;

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
 * A {@link SearchSort} as a Lucene sort, always ending with the {@code _id} tie-breaker, and the sort
 * values of a hit to and from their wire form (numbers and strings). Missing values sort last in both
 * directions; multi-valued fields sort on their lowest value ascending and highest descending.
 */
final class LuceneSorts {
    /** What kind of values the primary sort compares; decides how sort values are read and written. */
    enum Kind { TIMESTAMP, DATE, NUMBER, KEYWORD, ID }

    private final Sort sort;
    private final Kind kind;

    private LuceneSorts(Sort sort, Kind kind) {
        this.sort = sort;
        this.kind = kind;
    }

    static LuceneSorts of(SearchSort spec, FieldCatalog fields) {
        boolean reverse = spec.descending();
        String field = spec.field();
        SortField tieBreaker = new SortField(IndexFields.ID, SortField.Type.STRING, false);
        SortField primary;
        Kind kind;
        if (field.equals(SearchSort.TIMESTAMP)) {
            primary = new SortField(IndexFields.TIMESTAMP, SortField.Type.LONG, reverse);
            primary.setMissingValue(reverse ? Long.MIN_VALUE : Long.MAX_VALUE);
            kind = Kind.TIMESTAMP;
        } else if (field.equals("_id")) {
            return new LuceneSorts(new Sort(new SortField(IndexFields.ID, SortField.Type.STRING, reverse)), Kind.ID);
        } else if (fields.hasDates(field)) {
            primary = new SortedNumericSortField(IndexFields.date(field), SortField.Type.LONG, reverse, selector(reverse));
            primary.setMissingValue(reverse ? Long.MIN_VALUE : Long.MAX_VALUE);
            kind = Kind.DATE;
        } else if (fields.hasNumbers(field)) {
            primary = new SortedNumericSortField(IndexFields.number(field), SortField.Type.DOUBLE, reverse, selector(reverse));
            primary.setMissingValue(reverse ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
            kind = Kind.NUMBER;
        } else {
            // Also for a field no entity has yet: every entity lacks it, the tie-breaker orders them.
            primary = new SortedSetSortField(field, reverse, reverse ? SortedSetSelector.Type.MAX : SortedSetSelector.Type.MIN);
            primary.setMissingValue(reverse ? SortField.STRING_FIRST : SortField.STRING_LAST);
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

    /** A hit's sort values on the wire: a number (or string) for the primary sort, then the {@code _id}. */
    List<Object> wireValues(FieldDoc hit) {
        List<Object> values = new ArrayList<>(hit.fields.length);
        for (int i = 0; i < hit.fields.length; i++) {
            Object value = hit.fields[i];
            values.add(value instanceof BytesRef bytes ? bytes.utf8ToString() : value);
        }
        return values;
    }

    /**
     * The {@code searchAfter} values as Lucene's "after" document.
     *
     * @param lastDoc the reader's last document id: every sort ends with the unique {@code _id}, so the
     *                document id never decides, and the last one lets nothing tie past the cursor
     */
    FieldDoc after(List<Object> wire, int lastDoc) {
        SortField[] sortFields = sort.getSort();
        if (wire.size() != sortFields.length) {
            throw new InvalidSearchAfterException("Bad request: Invalid searchAfter: search_after has " + wire.size()
                    + " value(s) but sort has " + sortFields.length + ".");
        }
        Object[] values = new Object[sortFields.length];
        for (int i = 0; i < values.length; i++) {
            Kind valueKind = i == 0 ? kind : Kind.ID;
            values[i] = fromWire(wire.get(i), valueKind);
        }
        return new FieldDoc(lastDoc, Float.NaN, values);
    }

    private static Object fromWire(Object value, Kind kind) {
        switch (kind) {
            case TIMESTAMP, DATE -> {
                if (value instanceof Number number) {
                    return number.longValue();
                }
                if (value instanceof String text) {
                    try {
                        return Long.parseLong(text);
                    } catch (NumberFormatException e) {
                        return DateValues.parseIso(text).orElseThrow(() -> notFitting(value));
                    }
                }
                throw notFitting(value);
            }
            case NUMBER -> {
                if (value instanceof Number number) {
                    return number.doubleValue();
                }
                throw notFitting(value);
            }
            default -> {
                if (value == null) {
                    throw notFitting(null);
                }
                return new BytesRef(String.valueOf(value)); // Kibana's cursors end with a number: read it as text
            }
        }
    }

    private static InvalidSearchAfterException notFitting(Object value) {
        return new InvalidSearchAfterException("Bad request: Invalid searchAfter: [" + value
                + "] does not fit the sort");
    }
}
