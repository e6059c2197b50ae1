package dev.entitystore.store.embedded.search;

import dev.entitystore.domain.query.DateValues;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedNumericDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.NumericUtils;

/**
 * A record as a Lucene document, the way Elasticsearch indexes keyword fields: every leaf value under its
 * dotted path (array elements are more values of the same path), exact and case-sensitive; the paths present
 * are listed for {@code exists}, and the paths listings sort on ({@link IndexFields#SORTABLE}) have doc values. JSON numbers also get a numeric companion and ISO-8601 strings a
 * date companion, for ranges and sorts. The record itself is not kept: searches read it from the store, and
 * its id is stored but not indexed ({@code _id} queries look records up by {@link IndexFields#KEY}).
 *
 * <p>The stored JSON is walked by {@link JsonLeaves}, which hands plain strings over as slices of the
 * record's bytes: they become Lucene terms without being decoded and encoded again.
 */
final class LuceneDocuments {
    /** Longer values are kept in the record but not indexed (Elasticsearch's {@code ignore_above}); Lucene caps terms at 32 KB. */
    static final int IGNORE_ABOVE = 8191;

    private static final BytesRef TRUE = new BytesRef("true");
    private static final BytesRef FALSE = new BytesRef("false");
    private static final ThreadLocal<Builder> BUILDERS = ThreadLocal.withInitial(Builder::new);

    private LuceneDocuments() {
    }

    /** @param key the record's {@link IndexFields#keyTerm}, which the caller also needs for its update term */
    static Document build(BytesRef key, String space, String id, long seq, byte[] json) {
        Document doc = new Document();
        doc.add(new StringField(IndexFields.KEY, key, Field.Store.NO));
        doc.add(new StringField(IndexFields.SPACE, space, Field.Store.NO));
        doc.add(new StoredField(IndexFields.ID, id));
        doc.add(new NumericDocValuesField(IndexFields.SEQ, seq));
        try {
            BUILDERS.get().add(json, doc);
        } catch (JsonLeaves.NotAnObject e) {
            throw new IllegalArgumentException("record " + space + "/" + id + " is not a JSON object");
        } catch (IOException e) {
            throw new UncheckedIOException("record " + space + "/" + id + " is not valid JSON", e);
        }
        return doc;
    }

    /** Adds the leaf values of one record after another to their documents: one per thread. */
    private static final class Builder implements JsonLeaves.Sink {
        private final FieldPaths paths = new FieldPaths();
        private final JsonLeaves leaves = new JsonLeaves(paths);
        /** Paths not kept by {@link FieldPaths} already listed in this document. */
        private final Set<String> listedUnkept = new HashSet<>();
        private long documents;
        private Document doc;
        private boolean timestampSeen;

        void add(byte[] json, Document to) throws IOException {
            doc = to;
            documents++;
            timestampSeen = false;
            listedUnkept.clear();
            try {
                leaves.walk(json, this);
            } finally {
                doc = null;
            }
        }

        @Override
        public void ascii(FieldPaths.Path path, byte[] bytes, int from, int length) {
            if (length > IGNORE_ABOVE) {
                return; // nor can it be a date
            }
            keyword(path, new BytesRef(bytes, from, length));
            if (mayBeDate(bytes, from, length)) {
                date(path, DateValues.parseIso(new String(bytes, from, length, StandardCharsets.ISO_8859_1)));
            }
        }

        @Override
        public void string(FieldPaths.Path path, String text) {
            if (text.length() <= IGNORE_ABOVE) {
                keyword(path, new BytesRef(text));
            }
            date(path, DateValues.parseIso(text));
        }

        @Override
        public void number(FieldPaths.Path path, String text, double value) {
            if (text.length() <= IGNORE_ABOVE) {
                keyword(path, new BytesRef(text));
            }
            String number = path.numberField();
            doc.add(new DoublePoint(number, value));
            doc.add(new SortedNumericDocValuesField(number, NumericUtils.doubleToSortableLong(value)));
        }

        @Override
        public void bool(FieldPaths.Path path, boolean value) {
            keyword(path, value ? TRUE : FALSE);
        }

        /** What {@link DateValues#parseIso} looks at first, on bytes: most strings are not dates. */
        private static boolean mayBeDate(byte[] bytes, int from, int length) {
            return length >= 10 && bytes[from + 4] == '-' && bytes[from + 7] == '-' && bytes[from] >= '0' && bytes[from] <= '9';
        }

        private void date(FieldPaths.Path path, OptionalLong millis) {
            if (millis.isEmpty()) {
                return;
            }
            long value = millis.getAsLong();
            String date = path.dateField();
            doc.add(new LongPoint(date, value));
            doc.add(new SortedNumericDocValuesField(date, value));
            if (!timestampSeen && path.timestamp) {
                timestampSeen = true;
                doc.add(new LongPoint(IndexFields.TIMESTAMP, value));
                doc.add(new NumericDocValuesField(IndexFields.TIMESTAMP, value));
            }
        }

        private void keyword(FieldPaths.Path path, BytesRef value) {
            doc.add(new StringField(path.name, value, Field.Store.NO));
            if (path.kept ? path.firstIn(documents) : listedUnkept.add(path.name)) {
                doc.add(new StringField(IndexFields.PATHS, path.term, Field.Store.NO));
            }
            if (path.sortable) {
                doc.add(new SortedSetDocValuesField(path.name, value));
            }
        }
    }
}
