package dev.entitystore.domain.transfer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The first pass of a CSV export: the columns its records need, read from their JSON bytes without building
 * trees. Without {@code fields}, a column per leaf path (a scalar, a null or an array; objects are walked, as
 * the flattened record has them), in the order first seen; with {@code fields}, those paths in that order,
 * typed by the leaves the projected record has there ({@link FieldProjection}). Each column's kind is the
 * narrowest that holds every value seen ({@link CsvColumn#widen}).
 */
final class CsvColumnLearner {
    private final Map<String, CsvColumn.Kind> kinds = new LinkedHashMap<>();
    private final boolean everyLeaf;
    /** The projected paths, when {@code fields} are asked; a leaf counts only inside one of their values. */
    private final PathTrie kept;
    private final LeafPath root = new LeafPath(null);

    CsvColumnLearner(List<String> fields) {
        fields.forEach(field -> kinds.put(field, null));
        everyLeaf = fields.isEmpty();
        kept = everyLeaf ? null : new PathTrie(FieldProjection.pathsOf(fields));
    }

    void learn(byte[] json) throws IOException {
        ValueSpans.readObject(json, parser -> walk(parser, everyLeaf ? null : kept.root(), root));
    }

    /** The columns learnt, in order; a column no record had a value for holds strings. */
    List<CsvColumn> columns() {
        List<CsvColumn> columns = new ArrayList<>(kinds.size());
        kinds.forEach((path, kind) -> columns.add(new CsvColumn(path, kind == null ? CsvColumn.Kind.STRING : kind)));
        return columns;
    }

    /** Inside an object; {@code keptNode} is where the walk is among the projected paths, {@code null} inside one. */
    private void walk(JsonParser parser, PathTrie.Node keptNode, LeafPath path) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonToken token = parser.nextToken();
            PathTrie.Node child = null;
            if (keptNode != null) {
                child = keptNode.child(key);
                if (child == null || (child.index < 0 && token != JsonToken.START_OBJECT)) {
                    parser.skipChildren();
                    continue;
                }
                if (child.index >= 0) {
                    child = null;
                }
            }
            LeafPath leaf = path.child(key);
            if (token == JsonToken.START_OBJECT) {
                walk(parser, child, leaf);
            } else {
                CsvColumn.Kind kind = kindOf(parser, token);
                if (everyLeaf || kinds.containsKey(leaf.path)) {
                    kinds.put(leaf.path, CsvColumn.widen(kinds.get(leaf.path), kind));
                }
            }
        }
    }

    /** {@link CsvColumn#kindOf} of the value at the parser, which it consumes. */
    private static CsvColumn.Kind kindOf(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_STRING -> CsvColumn.Kind.STRING;
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> CsvColumn.Kind.NUMBER;
            case VALUE_TRUE, VALUE_FALSE -> CsvColumn.Kind.BOOLEAN;
            case START_ARRAY -> {
                CsvColumn.Kind kind = CsvColumn.Kind.STRINGS;
                JsonToken item;
                while ((item = parser.nextToken()) != JsonToken.END_ARRAY) {
                    if (item != JsonToken.VALUE_STRING) {
                        kind = CsvColumn.Kind.JSON;
                    }
                    parser.skipChildren();
                }
                yield kind;
            }
            default -> CsvColumn.Kind.JSON;
        };
    }

    /** A flattened path and its children's, made once each: a record's leaves then cost a look-up, not a string. */
    private static final class LeafPath {
        private final String path;
        private final Map<String, LeafPath> children = new HashMap<>(8);

        LeafPath(String path) {
            this.path = path;
        }

        LeafPath child(String key) {
            LeafPath child = children.get(key);
            if (child == null) {
                child = new LeafPath(path == null ? key : path + '.' + key);
                children.put(key, child);
            }
            return child;
        }
    }
}
