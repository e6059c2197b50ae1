package dev.entitystore.domain.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.document.Flattener;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The field-level part of a change: for each flattened path whose value differs, {@code before} and
 * {@code after} (a side is absent when the path was or became absent). Arrays are leaves, compared as
 * whole values, as the flattener treats them.
 */
public final class FieldChanges {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private FieldChanges() {
    }

    /**
     * The record's leaves, arrays copied: a merge function may change the record it is shown in place,
     * and the "before" side must be the state it was shown.
     */
    public static Map<String, JsonNode> snapshot(ObjectNode source) {
        Map<String, JsonNode> leaves = new LinkedHashMap<>();
        Flattener.forEachLeaf(source, (path, value) -> leaves.put(path, value.isContainerNode() ? value.deepCopy() : value));
        return leaves;
    }

    /** The leaves of a record handed out of the store: no copy needed, nothing changes it afterwards. */
    public static Map<String, JsonNode> leaves(ObjectNode source) {
        return Flattener.flatten(source);
    }

    /** Every path whose value differs between the two states, in the after state's order, then removals. */
    public static ObjectNode between(Map<String, JsonNode> before, Map<String, JsonNode> after) {
        ObjectNode fields = NODES.objectNode();
        for (Map.Entry<String, JsonNode> leaf : after.entrySet()) {
            JsonNode old = before.get(leaf.getKey());
            if (old == null || !old.equals(leaf.getValue())) {
                ObjectNode change = fields.putObject(leaf.getKey());
                if (old != null) {
                    change.set("before", old);
                }
                change.set("after", leaf.getValue());
            }
        }
        for (Map.Entry<String, JsonNode> leaf : before.entrySet()) {
            if (!after.containsKey(leaf.getKey())) {
                fields.putObject(leaf.getKey()).set("before", leaf.getValue());
            }
        }
        return fields;
    }

    /** Undoes a change on a flattened state: each path it touched goes back to its {@code before} (or away). */
    public static void undo(ObjectNode fields, Map<String, JsonNode> state) {
        Iterator<Map.Entry<String, JsonNode>> changes = fields.fields();
        while (changes.hasNext()) {
            Map.Entry<String, JsonNode> change = changes.next();
            JsonNode before = change.getValue().get("before");
            if (before == null) {
                state.remove(change.getKey());
            } else {
                state.put(change.getKey(), before);
            }
        }
    }

    /** Redoes a change on a flattened state: each path it touched takes its {@code after} (or goes away). */
    public static void redo(ObjectNode fields, Map<String, JsonNode> state) {
        Iterator<Map.Entry<String, JsonNode>> changes = fields.fields();
        while (changes.hasNext()) {
            Map.Entry<String, JsonNode> change = changes.next();
            JsonNode after = change.getValue().get("after");
            if (after == null) {
                state.remove(change.getKey());
            } else {
                state.put(change.getKey(), after);
            }
        }
    }

    /** Whether the change touches one of {@code paths}: the path itself or a leaf under it. */
    public static boolean touches(ObjectNode fields, Collection<String> paths) {
        Iterator<String> changed = fields.fieldNames();
        while (changed.hasNext()) {
            String path = changed.next();
            for (String wanted : paths) {
                if (path.equals(wanted) || (path.startsWith(wanted) && path.charAt(wanted.length()) == '.')) {
                    return true;
                }
            }
        }
        return false;
    }
}
