package dev.entitystore.domain.identity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.entitystore.domain.entity.FieldPath;
import dev.entitystore.domain.error.InvalidRequestException;

/**
 * Reads one identity value from a document the way Kibana's EUID code does: a flat dotted key at the
 * root ({@code "host.name"}) wins over the nested path unless it is empty; empty means absent, null or
 * {@code ""}; of an array only the first element counts (an empty array is absent); numbers and booleans
 * read as their JavaScript string form.
 */
final class FieldValueReader {
    private FieldValueReader() {
    }

    /**
     * The value, or {@code null} when empty. An object where a value is expected cannot form an id:
     * Kibana throws (500); we answer it as a bad request naming the field.
     */
    static String read(JsonNode doc, String field) {
        JsonNode node = locate(doc, field);
        if (node == null) {
            return null;
        }
        if (node.isArray()) {
            if (node.isEmpty()) {
                return null;
            }
            node = node.get(0);
            if (isEmpty(node)) {
                // Kibana would read [""] as "" and build "host:"; an empty first element is no identity.
                return null;
            }
        }
        if (node.isContainerNode()) {
            throw new InvalidRequestException("Bad request: Field " + field
                    + " is an object, can't convert to value (value: " + node + ")");
        }
        return scalarText(node);
    }

    /** Like {@link #read} but an object reads as absent: the namespace evaluation never throws. */
    static String readLenient(JsonNode doc, String field) {
        JsonNode node = locate(doc, field);
        if (node == null) {
            return null;
        }
        if (node.isArray()) {
            node = node.isEmpty() ? null : node.get(0);
            if (isEmpty(node)) {
                return null;
            }
        }
        return node.isContainerNode() ? null : scalarText(node);
    }

    private static JsonNode locate(JsonNode doc, String field) {
        if (doc == null || !doc.isObject()) {
            return null;
        }
        JsonNode flat = doc.get(field);
        JsonNode node = isEmpty(flat) ? FieldPath.get(doc, field) : flat;
        return isEmpty(node) ? null : node;
    }

    static boolean isEmpty(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode()
                || (node.isTextual() && node.textValue().isEmpty());
    }

    /** JavaScript's String(value) for the scalars JSON can carry. */
    static String scalarText(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue().toString();
        }
        if (node.isNumber()) {
            double d = node.doubleValue();
            if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e21) {
                return java.math.BigDecimal.valueOf(d).toBigInteger().toString();
            }
            return Double.toString(d);
        }
        return node.asText();
    }
}
