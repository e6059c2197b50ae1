package dev.entitystore.domain.transfer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.entitystore.domain.entity.FieldPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The second pass of a CSV export: a record's row, read from its JSON bytes in one streaming pass. A cell is
 * the column's value at its path as {@link FieldPath#get} finds it, written by {@link CsvColumn#write}; it is
 * empty where the record has nothing or an object there. The row starts with the record's line type.
 */
final class CsvRowCells {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<CsvColumn> columns;
    private final PathTrie trie;
    private final PathTrie.Node typeNode;
    private final String[] cells;
    private String type;

    CsvRowCells(List<CsvColumn> columns) {
        this.columns = columns;
        List<String> paths = new ArrayList<>(columns.size() + 1);
        columns.forEach(column -> paths.add(column.path()));
        paths.add(NdjsonLines.TYPE_PATH);
        trie = new PathTrie(paths);
        typeNode = trie.node(NdjsonLines.TYPE_PATH);
        cells = new String[columns.size() + 1];
    }

    /** The record's row: its type, then a cell per column (the list is reused by the next call). */
    List<String> row(byte[] json) throws IOException {
        Arrays.fill(cells, "");
        type = null;
        ValueSpans.readObject(json, parser -> walk(parser, trie.root(), json));
        cells[0] = type == null ? NdjsonLines.DEFAULT_TYPE : type;
        return Arrays.asList(cells);
    }

    private void walk(JsonParser parser, PathTrie.Node node, byte[] json) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            PathTrie.Node child = node.child(parser.currentName());
            JsonToken token = parser.nextToken();
            if (child == null) {
                parser.skipChildren();
                continue;
            }
            if (child == typeNode && token == JsonToken.VALUE_STRING) {
                type = parser.getText();
            }
            if (token == JsonToken.START_OBJECT) {
                if (child.isLeaf()) {
                    parser.skipChildren();
                } else {
                    walk(parser, child, json);
                }
            } else if (child.index >= 0 && child.index < columns.size()) {
                cells[child.index + 1] = cell(columns.get(child.index), parser, token, json);
            } else {
                parser.skipChildren();
            }
        }
    }

    /** {@link CsvColumn#write} of the value at the parser, which it consumes; {@code null} writes an empty cell. */
    private static String cell(CsvColumn column, JsonParser parser, JsonToken token, byte[] json) throws IOException {
        int start = ValueSpans.start(parser);
        switch (column.kind()) {
            case STRING -> {
                if (token == JsonToken.VALUE_STRING) {
                    return parser.getText();
                }
            }
            case NUMBER -> {
                if (token.isNumeric()) {
                    return parser.getText(); // stored JSON writes a number as its node's text
                }
            }
            case BOOLEAN -> {
                if (token.isBoolean()) {
                    return parser.getText();
                }
            }
            case STRINGS -> {
                if (token == JsonToken.START_ARRAY) {
                    String joined = joinedStrings(parser);
                    return joined != null ? joined : written(column, json, start, ValueSpans.start(parser) + 1);
                }
            }
            case JSON -> {
                return new String(json, start, ValueSpans.end(parser) - start, StandardCharsets.UTF_8);
            }
        }
        // A value of another kind than its column's (the record changed between the passes): as the tree has it.
        return written(column, json, start, ValueSpans.end(parser));
    }

    /** The array's strings joined as {@link CsvColumn#write} does, or {@code null} if an item is not a string. */
    private static String joinedStrings(JsonParser parser) throws IOException {
        StringBuilder joined = new StringBuilder();
        boolean strings = true;
        boolean first = true;
        JsonToken item;
        while ((item = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (item != JsonToken.VALUE_STRING) {
                strings = false;
                parser.skipChildren();
            } else if (strings) {
                if (!first) {
                    joined.append(CsvColumn.SEPARATOR);
                }
                first = false;
                CsvColumn.appendEscaped(joined, parser.getText());
            }
        }
        return strings ? joined.toString() : null;
    }

    private static String written(CsvColumn column, byte[] json, int start, int end) throws IOException {
        return column.write(JSON.readTree(json, start, end - start));
    }
}
