package dev.entitystore.domain.list;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Elasticsearch's {@code _source} filtering: keep the included paths (an object path keeps all beneath it;
 * no includes keeps everything), then drop the excluded ones. Arrays of objects are filtered per element.
 */
final class SourceFilter {
    private SourceFilter() {
    }

    static ObjectNode filter(ObjectNode source, List<String> includes, List<String> excludes) {
        ObjectNode filtered = object(source, "", includes, excludes, includes.isEmpty());
        return filtered == null ? source.objectNode() : filtered;
    }

    /** The object filtered, or {@code null} when nothing of it is kept. */
    private static ObjectNode object(ObjectNode node, String path, List<String> includes, List<String> excludes, boolean included) {
        ObjectNode out = node.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String childPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            if (PathPatterns.anyMatches(excludes, childPath)) {
                continue;
            }
            boolean childIncluded = included || PathPatterns.anyMatches(includes, childPath);
            JsonNode kept = value(field.getValue(), childPath, includes, excludes, childIncluded);
            if (kept != null) {
                out.set(field.getKey(), kept);
            }
        }
        return out.isEmpty() && !included ? null : out;
    }

    private static JsonNode value(JsonNode value, String path, List<String> includes, List<String> excludes, boolean included) {
        if (value.isObject()) {
            if (!included && !PathPatterns.mayMatchBelow(includes, path)) {
                return null;
            }
            return object((ObjectNode) value, path, includes, excludes, included);
        }
        if (value.isArray()) {
            ArrayNode out = ((ArrayNode) value).arrayNode();
            for (JsonNode element : value) {
                JsonNode kept = value(element, path, includes, excludes, included);
                if (kept != null) {
                    out.add(kept);
                }
            }
            return included || !out.isEmpty() ? out : null;
        }
        return included ? value : null;
    }
}
