package dev.entitystore.store.embedded.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.entitystore.domain.query.DateValues;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The byte-level walk of a stored record ({@link JsonLeaves}, {@link FieldPaths}) indexes exactly what a JSON
 * parser's view of the record gives: every field of the document is compared with one built from Jackson's
 * tokens, on records with escapes, non-ASCII text, numbers of every form, nesting, arrays, nulls and dates.
 */
class LuceneDocumentsTest {
    private static final BytesRef KEY = IndexFields.keyTerm("default", "r1");

    @ParameterizedTest
    @ValueSource(strings = {
        "{}",
        " {\"a\" : \"x\" , \"b\":[ \"y\" , \"z\" ] } ",
        "{\"@timestamp\":\"2024-06-15T10:00:00.000Z\",\"host\":{\"name\":\"web-01\",\"ip\":[\"10.0.0.1\",\"fe80::1\"]}}",
        "{\"@timestamp\":[\"2024-06-15T10:00:00Z\",\"2024-06-16\"],\"t\":\"2024-06-15T10:00:00+02:00\",\"u\":\"2024-13-01\"}",
        "{\"entity\":{\"id\":\"host:a\",\"name\":\"A\",\"source\":[\"s1\",\"s2\",\"s1\"]},\"asset\":{\"criticality\":\"low_impact\"}}",
        "{\"n\":5,\"f\":-72.50,\"e\":1e3,\"E\":-2.5E-3,\"z\":0,\"m\":-0,\"big\":123456789012345678901234567890,\"p\":1E+2}",
        "{\"b\":true,\"c\":false,\"nothing\":null,\"empty\":{},\"none\":[],\"deep\":[[1,[2,{\"x\":\"in\"}]],{\"y\":null}]}",
        "{\"esc\":\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\",\"k\\u0065y\":\"v\",\"k\\\"q\":[\"w\"]}",
        "{\"caf\u00e9\":\"cr\u00e8me \u00e0 \u4e2d\u6587 \ud83d\ude00\",\"o\":{\"\u00fc\":\"\u00fc\"}}",
        "{\"a\":{\"b\":{\"c\":\"1\"}},\"a.b\":{\"c\":\"2\"},\"x\":[{\"y\":\"1\"},{\"y\":\"2\",\"z\":\"3\"}]}",
        "{\"user\":{\"name\":\"jane\",\"email\":[\"jane@corp\",\"j@corp\"]},\"tags\":[\"\",\" \"]}",
        "{\"lone\":\"\\ud800\",\"ctl\":\"\\u0001\",\"date\":\"2024-06-15T10:00:00.000z\",\"short\":\"2024-1-1\"}",
    })
    void indexesWhatTheParserReads(String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        Document built = LuceneDocuments.build(KEY, "default", "r1", 7, bytes);
        assertThat(describe(built)).isEqualTo(describe(reference(bytes)));
    }

    @Test
    void keepsTheSameFieldsFromRecordToRecord() throws IOException {
        // The second record reuses the paths the first one made; its own paths are listed once each again.
        for (String json : List.of("{\"a\":{\"b\":\"1\"},\"c\":[\"2\",\"3\"]}", "{\"c\":\"4\",\"a\":{\"b\":[\"5\",\"6\"]}}")) {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            assertThat(describe(LuceneDocuments.build(KEY, "default", "r1", 7, bytes))).isEqualTo(describe(reference(bytes)));
        }
    }

    @Test
    void manyPathsStillIndexPastTheKeptOnes() throws IOException {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < FieldPaths.MAX_PATHS + 500; i++) {
            json.append(i == 0 ? "" : ",").append("\"p").append(i).append("\":{\"v\":\"").append(i).append("\",\"w\":[\"x\",\"x\"]}");
        }
        byte[] bytes = json.append('}').toString().getBytes(StandardCharsets.UTF_8);
        assertThat(describe(LuceneDocuments.build(KEY, "default", "r1", 7, bytes))).isEqualTo(describe(reference(bytes)));
    }

    @Test
    void longValuesAreNotIndexed() throws IOException {
        String longValue = "x".repeat(LuceneDocuments.IGNORE_ABOVE + 1);
        String json = "{\"a\":\"" + longValue + "\",\"b\":\"" + "\u00e9".repeat(LuceneDocuments.IGNORE_ABOVE + 1)
                + "\",\"c\":\"" + "y".repeat(LuceneDocuments.IGNORE_ABOVE) + "\"}";
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        List<String> fields = describe(LuceneDocuments.build(KEY, "default", "r1", 7, bytes));
        assertThat(fields).isEqualTo(describe(reference(bytes)));
        assertThat(fields).noneMatch(f -> f.startsWith("a ") || f.startsWith("b ")).anyMatch(f -> f.startsWith("c "));
    }

    @Test
    void theIdIsStoredNotIndexed() {
        Document doc = LuceneDocuments.build(KEY, "default", "r1", 7, "{}".getBytes(StandardCharsets.UTF_8));
        IndexableField id = doc.getField(IndexFields.ID);
        assertThat(id.stringValue()).isEqualTo("r1");
        assertThat(id.fieldType().stored()).isTrue();
        assertThat(id.fieldType().indexOptions()).isEqualTo(IndexOptions.NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "[1]", "\"text\"", "5", "null"})
    void refusesWhatIsNotAnObject(String json) {
        assertThatThrownBy(() -> LuceneDocuments.build(KEY, "default", "r1", 7, json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("default/r1 is not a JSON object");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"a\"}", "{\"a\":}", "{\"a\":\"x}", "{\"a\":01}", "{\"a\":1.}", "{\"a\":-}",
        "{\"a\":tru}", "{\"a\":nul}", "{\"a\":\"\\x\"}", "{\"a\":\"\\u12\"}", "{\"a\":[1 2]}", "{\"a\":1,}x",
        "{a:1}", "{\"a\":\"tab\there\"}", "{\"a\":NaN}", "{\"a\":1e}"})
    void refusesWhatIsNotJson(String json) {
        assertThatThrownBy(() -> LuceneDocuments.build(KEY, "default", "r1", 7, json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("default/r1 is not valid JSON");
    }

    @Test
    void refusesInvalidUtf8() {
        byte[] bytes = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'};
        assertThatThrownBy(() -> LuceneDocuments.build(KEY, "default", "r1", 7, bytes))
                .isInstanceOf(UncheckedIOException.class);
    }

    /** Each field as one line: name, how it is indexed, its value; sorted (order within a document does not matter). */
    private static List<String> describe(Document doc) {
        List<String> lines = new ArrayList<>();
        for (IndexableField field : doc.getFields()) {
            if (field.name().equals(IndexFields.ID)) {
                continue; // stored only now: checked on its own
            }
            BytesRef bytes = field.binaryValue() != null ? field.binaryValue()
                    : field.stringValue() != null ? new BytesRef(field.stringValue()) : null;
            lines.add(field.name() + " " + field.fieldType().indexOptions() + " " + field.fieldType().docValuesType()
                    + " points=" + field.fieldType().pointDimensionCount() + " stored=" + field.fieldType().stored()
                    + " " + (bytes != null ? bytes.toString() : String.valueOf(field.numericValue())));
        }
        lines.sort(null);
        return lines;
    }

    /** The document as the layout defines it, from Jackson's tokens: the reference for the byte-level walk. */
    private static Document reference(byte[] json) throws IOException {
        Document doc = LuceneDocuments.build(KEY, "default", "r1", 7, "{}".getBytes(StandardCharsets.UTF_8));
        try (JsonParser parser = new JsonFactory().createParser(json)) {
            assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            new Reference(doc).object(parser, "");
        }
        return doc;
    }

    private static final class Reference {
        private final Document doc;
        private final Set<String> paths = new HashSet<>();
        private boolean timestampSeen;

        Reference(Document doc) {
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
                case VALUE_STRING -> {
                    String text = parser.getText();
                    keyword(path, text);
                    OptionalLong millis = DateValues.parseIso(text);
                    if (millis.isPresent()) {
                        String date = IndexFields.date(path);
                        doc.add(new org.apache.lucene.document.LongPoint(date, millis.getAsLong()));
                        doc.add(new org.apache.lucene.document.SortedNumericDocValuesField(date, millis.getAsLong()));
                        if (!timestampSeen && path.equals("@timestamp")) {
                            timestampSeen = true;
                            doc.add(new org.apache.lucene.document.LongPoint(IndexFields.TIMESTAMP, millis.getAsLong()));
                            doc.add(new org.apache.lucene.document.NumericDocValuesField(IndexFields.TIMESTAMP, millis.getAsLong()));
                        }
                    }
                }
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                    keyword(path, parser.getText());
                    String number = IndexFields.number(path);
                    doc.add(new org.apache.lucene.document.DoublePoint(number, parser.getDoubleValue()));
                    doc.add(new org.apache.lucene.document.SortedNumericDocValuesField(number,
                            org.apache.lucene.util.NumericUtils.doubleToSortableLong(parser.getDoubleValue())));
                }
                case VALUE_TRUE -> keyword(path, "true");
                case VALUE_FALSE -> keyword(path, "false");
                default -> { }
            }
        }

        private void keyword(String path, String text) {
            if (text.length() > LuceneDocuments.IGNORE_ABOVE) {
                return;
            }
            doc.add(new org.apache.lucene.document.StringField(path, text, org.apache.lucene.document.Field.Store.NO));
            if (paths.add(path)) {
                doc.add(new org.apache.lucene.document.StringField(IndexFields.PATHS, path, org.apache.lucene.document.Field.Store.NO));
            }
            if (IndexFields.SORTABLE.contains(path)) {
                doc.add(new org.apache.lucene.document.SortedSetDocValuesField(path, new BytesRef(text)));
            }
        }
    }
}
