package dev.entitystore.domain.list;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Elasticsearch's {@code fields} for one hit: each asked leaf field (or every leaf a {@code *} pattern
 * matches) with its values as an array; fields the entity lacks are absent, objects give nothing.
 */
final class FieldValues {
    private FieldValues() {
    }

    static ObjectNode of(ObjectNode source, List<String> patterns) {
        Map<String, ArrayNode> leaves = new LinkedHashMap<>();
        flatten(source, "", leaves);
        ObjectNode out = source.objectNode();
        for (String pattern : patterns) {
            for (Map.Entry<String, ArrayNode> leaf : leaves.entrySet()) {
                if (!out.has(leaf.getKey()) && PathPatterns.matches(pattern, leaf.getKey())) {
                    out.set(leaf.getKey(), leaf.getValue());
                }
            }
        }
        return out;
    }

    private static void flatten(JsonNode node, String path, Map<String, ArrayNode> leaves) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                flatten(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), leaves);
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                flatten(element, path, leaves);
            }
        } else if (!node.isNull()) {
            leaves.computeIfAbsent(path, p -> com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode()).add(node);
        }
    }
}
