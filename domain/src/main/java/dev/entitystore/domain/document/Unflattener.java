package dev.entitystore.domain.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.entity.FieldPath;
import java.util.Iterator;
import java.util.Map;

/**
 * Turns flat-dotted keys into nested objects with Kibana's route-level rules. Keys are taken
 * in document order and each is written at its path, so a later key overwrites what an earlier one put
 * there: {@code {"entity.id":"x","entity":{"name":"y"}}} gives {@code entity = {name: y}}, while
 * {@code {"entity":{"name":"y"},"entity.id":"x"}} gives {@code entity = {name: y, id: x}}. Object values
 * are unflattened first, arrays stay arrays (their objects unflattened), nulls are kept.
 */
public final class Unflattener {
    private Unflattener() {
    }

    /** A new tree; the input is left untouched and shares no mutable node with the result. */
    public static ObjectNode unflatten(ObjectNode input) {
        ObjectNode result = input.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = input.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = unflattenValue(field.getValue());
            String key = field.getKey();
            if (key.indexOf('.') < 0) {
                result.set(key, value);
            } else {
                FieldPath.set(result, key, value);
            }
        }
        return result;
    }

    private static JsonNode unflattenValue(JsonNode value) {
        if (value.isObject()) {
            return unflatten((ObjectNode) value);
        }
        if (value.isArray()) {
            ArrayNode copy = ((ArrayNode) value).arrayNode(value.size());
            for (JsonNode element : value) {
                copy.add(unflattenValue(element));
            }
            return copy;
        }
        return value; // scalars are immutable: sharing them is safe
    }
}
