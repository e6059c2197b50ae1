package dev.entitystore.domain.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Flattens a nested document to its leaf field paths in document order, as Kibana's
 * {@code getFlattenedObject} does for field validation: scalars (null included) and arrays are leaves,
 * objects are walked, and an empty object produces no path at all.
 */
public final class Flattener {
    private Flattener() {
    }

    /** Leaf path → value (the values are the document's own nodes, not copies). */
    public static Map<String, JsonNode> flatten(ObjectNode doc) {
        Map<String, JsonNode> leaves = new LinkedHashMap<>();
        walk(doc, null, (path, value) -> leaves.put(path, value));
        return leaves;
    }

    /** Just the leaf paths, in document order. */
    public static List<String> paths(ObjectNode doc) {
        List<String> paths = new ArrayList<>();
        walk(doc, null, (path, value) -> paths.add(path));
        return paths;
    }

    /** Receives each leaf in document order. */
    @FunctionalInterface
    public interface LeafVisitor {
        void leaf(String path, JsonNode value);
    }

    /** Visits each leaf without building a collection. */
    public static void forEachLeaf(ObjectNode doc, LeafVisitor visitor) {
        walk(doc, null, visitor);
    }

    private static void walk(ObjectNode node, String prefix, LeafVisitor visitor) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String path = prefix == null ? field.getKey() : prefix + '.' + field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                walk((ObjectNode) value, path, visitor);
            } else {
                visitor.leaf(path, value);
            }
        }
    }
}
