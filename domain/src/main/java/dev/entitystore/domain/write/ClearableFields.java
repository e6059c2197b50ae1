package dev.entitystore.domain.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.entity.FieldPath;
import java.util.ArrayList;
import java.util.List;

/**
 * Fields Kibana's request schema marks {@code nullable}: {@code asset.criticality}. A {@code null} there
 * means "no value" (Kibana's workflow step sends null to remove a criticality): a create stores nothing
 * for it, an update or a v1 upsert removes the stored value. Other nulls are not this class's business
 * (the schema refuses them, or they sit inside free-form objects and are stored as sent).
 */
final class ClearableFields {
    static final List<String> PATHS = List.of("asset.criticality");

    private ClearableFields() {
    }

    /** Removes the nulls at clearable paths from {@code doc} and returns those paths. */
    static List<String> take(ObjectNode doc) {
        List<String> cleared = new ArrayList<>(0);
        for (String path : PATHS) {
            JsonNode value = FieldPath.get(doc, path);
            if (value != null && value.isNull()) {
                remove(doc, path);
                cleared.add(path);
            }
        }
        return List.copyOf(cleared);
    }

    /** Removes each path from {@code record}, and each object the removal left empty; returns the record. */
    static ObjectNode clear(ObjectNode record, List<String> paths) {
        for (String path : paths) {
            remove(record, path);
        }
        return record;
    }

    private static void remove(ObjectNode root, String path) {
        int dot = path.indexOf('.');
        if (dot < 0) {
            root.remove(path);
            return;
        }
        JsonNode child = root.get(path.substring(0, dot));
        if (child instanceof ObjectNode) {
            remove((ObjectNode) child, path.substring(dot + 1));
            if (child.isEmpty()) {
                root.remove(path.substring(0, dot));
            }
        }
    }
}
