package dev.entitystore.domain.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Elasticsearch's partial-document merge ({@code XContentHelper.update}), which profile data updates use:
 * an object merged into an object merges key by key, recursively; anything else (arrays, scalars,
 * {@code null}, an object over a scalar) replaces the stored value. {@code null} is stored, not a delete,
 * and an empty object changes nothing. Not the entities' merge: those rules differ (product rules §3.7).
 */
public final class ProfileDataMerge {
    private ProfileDataMerge() {
    }

    /** Merges {@code update} into {@code target} in place; answers whether anything changed. */
    public static boolean merge(ObjectNode target, ObjectNode update) {
        boolean changed = false;
        Iterator<Map.Entry<String, JsonNode>> fields = update.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode stored = target.get(field.getKey());
            JsonNode value = field.getValue();
            if (stored instanceof ObjectNode storedObject && value instanceof ObjectNode valueObject) {
                changed |= merge(storedObject, valueObject);
            } else if (stored == null || !stored.equals(value)) {
                target.set(field.getKey(), value.deepCopy());
                changed = true;
            }
        }
        return changed;
    }
}
