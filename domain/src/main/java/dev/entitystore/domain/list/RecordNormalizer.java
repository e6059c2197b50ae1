package dev.entitystore.domain.list;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Kibana's page-mode post-processing of each record, quirks included: flat dotted top-level
 * keys are nested; {@code asset} is replaced by {@code {criticality}} unless the criticality is
 * {@code "deleted"}; the keys directly under {@code entity.behaviors}, {@code entity.lifecycle} and
 * {@code entity.attributes} are lower-cased.
 */
final class RecordNormalizer {
    private static final String DELETED = "deleted";
    private static final List<String> LOWER_CASED = List.of("behaviors", "lifecycle", "attributes");

    private RecordNormalizer() {
    }

    static ObjectNode normalize(ObjectNode raw) {
        ObjectNode record = nestDottedKeys(raw);
        JsonNode asset = record.get("asset");
        if (asset != null && !asset.isNull() && !DELETED.equals(asset.path("criticality").textValue())) {
            ObjectNode replaced = record.objectNode();
            JsonNode criticality = asset.get("criticality");
            if (criticality != null && !criticality.isNull()) {
                replaced.set("criticality", criticality);
            }
            record.set("asset", replaced);
        }
        if (record.get("entity") instanceof ObjectNode entity) {
            for (String property : LOWER_CASED) {
                if (entity.get(property) instanceof ObjectNode object) {
                    entity.set(property, lowerCaseKeys(object));
                }
            }
        }
        return record;
    }

    private static ObjectNode nestDottedKeys(ObjectNode raw) {
        ObjectNode out = raw.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = raw.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().contains(".")) {
                setPath(out, field.getKey().split("\\."), field.getValue());
            } else {
                out.set(field.getKey(), field.getValue());
            }
        }
        return out;
    }

    /** lodash's {@code set}: objects are created (or put in place of non-objects) along the path. */
    private static void setPath(ObjectNode target, String[] path, JsonNode value) {
        ObjectNode current = target;
        for (int i = 0; i < path.length - 1; i++) {
            JsonNode next = current.get(path[i]);
            if (!(next instanceof ObjectNode)) {
                next = current.putObject(path[i]);
            }
            current = (ObjectNode) next;
        }
        current.set(path[path.length - 1], value);
    }

    private static ObjectNode lowerCaseKeys(ObjectNode object) {
        ObjectNode out = object.objectNode();
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
        object.fields().forEachRemaining(fields::add);
        for (Map.Entry<String, JsonNode> field : fields) {
            out.set(field.getKey().toLowerCase(java.util.Locale.ROOT), field.getValue());
        }
        return out;
    }
}
