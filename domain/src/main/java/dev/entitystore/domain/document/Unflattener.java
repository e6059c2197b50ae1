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

    /**
     * The nested form of {@code input} for a reader that does not change it: {@code input} itself when no key
     * at any depth holds a dot (the common case, which then costs a walk and no copy), else
     * {@link #unflatten}.
     */
    public static ObjectNode nestedView(ObjectNode input) {
        return hasDottedKey(input) ? unflatten(input) : input;
    }

    private static boolean hasDottedKey(JsonNode node) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().indexOf('.') >= 0 || hasDottedKey(field.getValue())) {
                    return true;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                if (hasDottedKey(element)) {
                    return true;
                }
            }
        }
        return false;
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
