package dev.entitystore.domain.entity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes dotted field paths ({@code entity.attributes.asset}) in nested JSON trees. Paths are
 * split on every dot, empty segments included, as lodash's {@code get}/{@code set} do.
 */
public final class FieldPath {
    private FieldPath() {
    }

    public static List<String> segments(String dotted) {
        List<String> parts = new ArrayList<>(4);
        int start = 0;
        for (int i = 0; i < dotted.length(); i++) {
            if (dotted.charAt(i) == '.') {
                parts.add(dotted.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(dotted.substring(start));
        return parts;
    }

    /** The node at the nested path, or {@code null} when a segment is missing or not an object. */
    public static JsonNode get(JsonNode root, String dotted) {
        JsonNode current = root;
        int start = 0;
        while (current != null) {
            if (!current.isObject()) {
                return null;
            }
            int dot = dotted.indexOf('.', start);
            if (dot < 0) {
                return current.get(dotted.substring(start));
            }
            current = current.get(dotted.substring(start, dot));
            start = dot + 1;
        }
        return null;
    }

    /**
     * Writes {@code value} at the nested path, creating the objects on the way. A segment that holds
     * something other than an object is replaced by one, keeping its position among its siblings.
     */
    public static void set(ObjectNode root, String dotted, JsonNode value) {
        ObjectNode parent = root;
        int start = 0;
        int dot;
        while ((dot = dotted.indexOf('.', start)) >= 0) {
            parent = childObject(parent, dotted.substring(start, dot));
            start = dot + 1;
        }
        parent.set(dotted.substring(start), value);
    }

    /** The object under {@code key}, created (or put in place of a non-object) when needed. */
    public static ObjectNode childObject(ObjectNode parent, String key) {
        JsonNode child = parent.get(key);
        if (child instanceof ObjectNode) {
            return (ObjectNode) child;
        }
        ObjectNode created = parent.objectNode();
        parent.set(key, created);
        return created;
    }
}
