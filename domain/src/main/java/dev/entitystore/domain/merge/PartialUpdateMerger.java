package dev.entitystore.domain.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * The v2 update rule, Elasticsearch's partial update with {@code doc}: objects merge
 * recursively, scalars and arrays are replaced wholesale, fields the patch does not name are kept.
 * Nothing is ever removed. Applying the same patch twice gives the same record as applying it once.
 */
public final class PartialUpdateMerger {

    /** A new record: {@code stored} with {@code patch} applied. Neither argument is modified. */
    public ObjectNode merge(ObjectNode stored, ObjectNode patch) {
        return mergeInPlace(stored.deepCopy(), patch);
    }

    /**
     * Applies {@code patch} to {@code target} itself and returns it, for callers that own a private copy
     * of the record (a store merging in its write path). Patch values are copied, never shared.
     */
    public ObjectNode mergeInPlace(ObjectNode target, ObjectNode patch) {
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode incoming = field.getValue();
            JsonNode existing = target.get(field.getKey());
            if (incoming.isObject() && existing instanceof ObjectNode) {
                mergeInPlace((ObjectNode) existing, (ObjectNode) incoming);
            } else {
                target.set(field.getKey(), incoming.deepCopy());
            }
        }
        return target;
    }
}
