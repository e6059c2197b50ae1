package dev.entitystore.store.embedded.search;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.entitystore.domain.query.DateValues;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.apache.lucene.document.StringField;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.NumericUtils;

/**
 * A record as a Lucene document, the way Elasticsearch indexes keyword fields: every leaf value under its
 * dotted path (array elements are more values of the same path), exact and case-sensitive; the paths present
 * are listed for {@code exists}, and the paths listings sort on ({@link IndexFields#SORTABLE}) have doc values. JSON numbers also get a numeric companion and ISO-8601 strings a
 * date companion, for ranges and sorts. The record itself is not kept: searches read it from the store.
 *
 * <p>The JSON is read with the streaming parser: no tree is built on the indexing path.
 */
final class LuceneDocuments {
    /** Longer values are kept in the record but not indexed (Elasticsearch's {@code ignore_above}); Lucene caps terms at 32 KB. */
    static final int IGNORE_ABOVE = 8191;

    private static final JsonFactory JSON = new JsonFactory();

    private LuceneDocuments() {
    }

    /** @param key the record's {@link IndexFields#keyTerm}, which the caller also needs for its update term */
    static Document build(BytesRef key, String space, String id, long seq, byte[] json) {
        Document doc = new Document();
        doc.add(new StringField(IndexFields.KEY, key, Field.Store.NO));
        doc.add(new StringField(IndexFields.SPACE, space, Field.Store.NO));
        doc.add(new StringField(IndexFields.ID, id, Field.Store.YES));
        doc.add(new NumericDocValuesField(IndexFields.SEQ, seq));
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("record " + space + "/" + id + " is not a JSON object");
            }
            new Leaves(doc).object(parser, "");
        } catch (IOException e) {
            throw new UncheckedIOException("record " + space + "/" + id + " is not valid JSON", e);
        }
        return doc;
    }

    /** Adds the leaf values of one record to its document. */
    private static final class Leaves {
        private final Document doc;
        private final Set<String> paths = new HashSet<>();
        private boolean timestampSeen;

        Leaves(Document doc) {
            this.doc = doc;
        }

        void object(JsonParser parser, String path) throws IOException {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                value(parser, path.isEmpty() ? name : path + "." + name);
            }
        }

        private void value(JsonParser parser, String path) throws IOException {
            switch (parser.currentToken()) {
                case START_OBJECT -> object(parser, path);
                case START_ARRAY -> {
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        value(parser, path);
                    }
                }
                case VALUE_STRING -> string(path, parser.getText());
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> number(path, parser.getText(), parser.getDoubleValue());
                case VALUE_TRUE -> keyword(path, "true");
                case VALUE_FALSE -> keyword(path, "false");
                default -> { } // null: not indexed, as in Elasticsearch
            }
        }

        private void string(String path, String text) {
            keyword(path, text);
            OptionalLong millis = DateValues.parseIso(text);
            if (millis.isPresent()) {
                String date = IndexFields.date(path);
                doc.add(new LongPoint(date, millis.getAsLong()));
                doc.add(new SortedNumericDocValuesField(date, millis.getAsLong()));
                if (!timestampSeen && path.equals("@timestamp")) {
                    timestampSeen = true;
                    doc.add(new LongPoint(IndexFields.TIMESTAMP, millis.getAsLong()));
                    doc.add(new NumericDocValuesField(IndexFields.TIMESTAMP, millis.getAsLong()));
                }
            }
        }

        private void number(String path, String text, double value) {
            keyword(path, text);
            String number = IndexFields.number(path);
            doc.add(new DoublePoint(number, value));
            doc.add(new SortedNumericDocValuesField(number, NumericUtils.doubleToSortableLong(value)));
        }

        private void keyword(String path, String text) {
            if (text.length() > IGNORE_ABOVE) {
                return;
            }
            doc.add(new StringField(path, text, Field.Store.NO));
            if (paths.add(path)) {
                doc.add(new StringField(IndexFields.PATHS, path, Field.Store.NO));
            }
            if (IndexFields.SORTABLE.contains(path)) {
                doc.add(new SortedSetDocValuesField(path, new BytesRef(text)));
            }
        }
    }
}
