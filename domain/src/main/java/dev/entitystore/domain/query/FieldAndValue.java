package dev.entitystore.domain.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * The single-field DSL queries ({@code term}, {@code match}, {@code prefix}, {@code wildcard}): either the
 * short form {@code {"field": value}} or the long form {@code {"field": {"value": v, ...}}}.
 */
record FieldAndValue(String field, String value, boolean caseInsensitive) {
    static FieldAndValue of(String type, ObjectNode body, String... valueKeys) {
        Iterator<Map.Entry<String, JsonNode>> fields = body.fields();
        if (!fields.hasNext()) {
            throw QueryDslParser.invalid("[" + type + "] query requires a field");
        }
        Map.Entry<String, JsonNode> entry = fields.next();
        if (fields.hasNext()) {
            throw QueryDslParser.invalid("[" + type + "] query doesn't support multiple fields, found ["
                    + entry.getKey() + "] and [" + fields.next().getKey() + "]");
        }
        String field = entry.getKey();
        JsonNode spec = entry.getValue();
        if (!spec.isObject()) {
            return new FieldAndValue(field, scalar(type, spec), false);
        }
        String value = null;
        boolean caseInsensitive = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = spec.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> option = it.next();
            String key = option.getKey();
            if (contains(valueKeys, key)) {
                value = scalar(type, option.getValue());
            } else if ("case_insensitive".equals(key)) {
                caseInsensitive = option.getValue().asBoolean(false);
            } else if (!ignored(type, key)) {
                throw QueryDslParser.invalid("[" + type + "] query does not support [" + key + "]");
            }
        }
        if (value == null) {
            throw QueryDslParser.invalid("[" + type + "] query requires [" + valueKeys[0] + "] for field [" + field + "]");
        }
        return new FieldAndValue(field, value, caseInsensitive);
    }

    /** Options that change scoring or analysis only; on keyword values they change nothing. */
    private static boolean ignored(String type, String key) {
        return switch (key) {
            case "boost", "_name", "rewrite" -> true;
            case "operator", "analyzer", "zero_terms_query", "lenient", "fuzziness", "prefix_length",
                    "max_expansions", "fuzzy_transpositions", "auto_generate_synonyms_phrase_query",
                    "minimum_should_match", "slop" -> type.startsWith("match");
            default -> false;
        };
    }

    /** A value as a keyword sees it: strings as they are, numbers and booleans in their JSON text. */
    static String scalar(String type, JsonNode value) {
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isNumber() || value.isBoolean()) {
            return value.asText();
        }
        throw QueryDslParser.invalid("[" + type + "] query does not support a value of type " + value.getNodeType().name().toLowerCase());
    }

    private static boolean contains(String[] keys, String key) {
        for (String k : keys) {
            if (k.equals(key)) {
                return true;
            }
        }
        return false;
    }
}
