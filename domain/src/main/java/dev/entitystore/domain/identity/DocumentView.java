package dev.entitystore.domain.identity;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/**
 * A document as the identity rules see it: the body plus values the rules computed (such as
 * {@code entity.namespace}), which take precedence the way Kibana's {@code {...doc, ...evaluated}} does.
 * The body itself is never modified.
 */
final class DocumentView {
    private final JsonNode doc;
    private final Map<String, String> computed = new HashMap<>(4);

    DocumentView(JsonNode doc) {
        this.doc = doc;
    }

    /** The value of a field, or {@code null} when empty. */
    String value(String field) {
        String overlaid = computed.get(field);
        if (overlaid != null && !overlaid.isEmpty()) {
            return overlaid;
        }
        return FieldValueReader.read(doc, field);
    }

    /** A source value for an evaluation: objects read as absent instead of failing. */
    String lenientValue(String field) {
        String overlaid = computed.get(field);
        if (overlaid != null && !overlaid.isEmpty()) {
            return overlaid;
        }
        return FieldValueReader.readLenient(doc, field);
    }

    boolean isPresent(String field) {
        return value(field) != null;
    }

    void put(String field, String value) {
        computed.put(field, value);
    }
}
