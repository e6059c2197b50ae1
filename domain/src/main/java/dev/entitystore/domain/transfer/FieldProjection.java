package dev.entitystore.domain.transfer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.entitystore.domain.entity.FieldPath;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code fields} of an NDJSON export: writes only some paths of a record (and the identity every line
 * needs), read from its JSON bytes in one streaming pass. The result is the object that setting each path's
 * value, in order, into an empty object gives ({@link FieldPath#set}): an object is created where a path
 * first needs it, and a path's value is copied as its bytes.
 */
final class FieldProjection {
    private static final List<String> ALWAYS = List.of("entity.id", NdjsonLines.TYPE_PATH);
    private static final int TYPE_INDEX = 1;

    private final List<List<String>> segments = new ArrayList<>();
    private final Map<String, byte[]> quotedKeys = new HashMap<>();
    private final PathTrie trie;
    private final int[] starts;
    private final int[] ends;
    private String type;

    FieldProjection(List<String> fields) {
        List<String> paths = pathsOf(fields);
        for (String path : paths) {
            List<String> keys = FieldPath.segments(path);
            segments.add(keys);
            keys.forEach(key -> quotedKeys.computeIfAbsent(key, FieldProjection::quoted));
        }
        trie = new PathTrie(paths);
        starts = new int[paths.size()];
        ends = new int[paths.size()];
    }

    /** The paths a projection sets, in order: the identity, then {@code fields} not already among them. */
    static List<String> pathsOf(List<String> fields) {
        List<String> paths = new ArrayList<>(ALWAYS);
        fields.stream().filter(path -> !paths.contains(path)).forEach(paths::add);
        return paths;
    }

    /** Writes the projection of {@code json} (a record) to {@code out} and answers the record's line type. */
    String write(byte[] json, OutputStream out) throws IOException {
        Arrays.fill(starts, -1);
        type = null;
        ValueSpans.readObject(json, parser -> capture(parser, trie.root()));
        writeObject(assemble(), json, out);
        return type == null ? NdjsonLines.DEFAULT_TYPE : type;
    }

    /** Inside an object at {@code node}: notes where each path's value lies. */
    private void capture(JsonParser parser, PathTrie.Node node) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            PathTrie.Node child = node.child(parser.currentName());
            JsonToken token = parser.nextToken();
            if (child == null) {
                parser.skipChildren();
                continue;
            }
            if (child.index == TYPE_INDEX && token == JsonToken.VALUE_STRING) {
                type = parser.getText();
            }
            int start = ValueSpans.start(parser);
            if (token == JsonToken.START_OBJECT && !child.isLeaf()) {
                // A deeper path's presence decides where objects are created, even inside a kept object.
                capture(parser, child);
                if (child.index >= 0) {
                    starts[child.index] = start;
                    ends[child.index] = ValueSpans.start(parser) + 1;
                }
            } else if (child.index >= 0) {
                starts[child.index] = start;
                ends[child.index] = ValueSpans.end(parser);
            } else {
                parser.skipChildren();
            }
        }
    }

    /** Keys to nested maps or to the index of a copied value (an {@link Integer}), in insertion order. */
    private Map<String, Object> assemble() {
        Map<String, Object> root = new LinkedHashMap<>();
        for (int i = 0; i < starts.length; i++) {
            if (starts[i] < 0) {
                continue;
            }
            List<String> keys = segments.get(i);
            Map<String, Object> parent = root;
            for (int k = 0; k < keys.size() - 1 && parent != null; k++) {
                Object entry = parent.get(keys.get(k));
                if (entry instanceof Integer) {
                    parent = null; // inside a value already copied whole
                } else if (entry == null) {
                    Map<String, Object> created = new LinkedHashMap<>();
                    parent.put(keys.get(k), created);
                    parent = created;
                } else {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> existing = (Map<String, Object>) entry;
                    parent = existing;
                }
            }
            if (parent != null) {
                parent.put(keys.get(keys.size() - 1), i); // in place of objects made for deeper paths
            }
        }
        return root;
    }

    private void writeObject(Map<String, Object> object, byte[] json, OutputStream out) throws IOException {
        out.write('{');
        boolean first = true;
        for (Map.Entry<String, Object> entry : object.entrySet()) {
            if (!first) {
                out.write(',');
            }
            first = false;
            out.write(quotedKeys.get(entry.getKey()));
            out.write(':');
            if (entry.getValue() instanceof Integer index) {
                out.write(json, starts[index], ends[index] - starts[index]);
            } else {
                @SuppressWarnings("unchecked")
                Map<String, Object> nested = (Map<String, Object>) entry.getValue();
                writeObject(nested, json, out);
            }
        }
        out.write('}');
    }

    private static byte[] quoted(String key) {
        byte[] escaped = JsonStringEncoder.getInstance().quoteAsUTF8(key);
        byte[] quoted = new byte[escaped.length + 2];
        quoted[0] = '"';
        System.arraycopy(escaped, 0, quoted, 1, escaped.length);
        quoted[quoted.length - 1] = '"';
        return quoted;
    }
}
