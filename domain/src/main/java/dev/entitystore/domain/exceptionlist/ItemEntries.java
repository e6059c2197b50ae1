package dev.entitystore.domain.exceptionlist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;

/**
 * The entries of an exception item as Kibana's request schema reads them: six types, each with its own
 * keys, every text non-empty. The result keeps each entry's known keys in Kibana's order and drops the
 * others (Kibana's schema strips unknown keys). Problems are reported zod's way, at their body path.
 */
final class ItemEntries {
    static final List<String> TYPES = List.of("match", "match_any", "list", "exists", "nested", "wildcard");
    private static final List<String> NESTED_TYPES = List.of("match", "match_any", "exists");
    private static final List<String> OPERATORS = List.of("excluded", "included");
    private static final List<String> LIST_TYPES = List.of("binary", "boolean", "byte", "date", "date_nanos",
            "date_range", "double", "double_range", "float", "float_range", "geo_point", "geo_shape", "half_float",
            "integer", "integer_range", "ip", "ip_range", "keyword", "long", "long_range", "shape", "short", "text");

    private final RequestIssues issues;

    ItemEntries(RequestIssues issues) {
        this.issues = issues;
    }

    /** The entries as stored, or null when the body's value is not an array (the issue is recorded). */
    ArrayNode read(JsonNode entries, String path) {
        ArrayNode result = JsonNodeFactory.instance.arrayNode();
        if (entries == null || !entries.isArray()) {
            issues.add(path, entries == null ? "Required" : RequestIssues.expected("array", entries));
            return result;
        }
        for (int i = 0; i < entries.size(); i++) {
            ObjectNode entry = entry(entries.get(i), path + "." + i, TYPES);
            if (entry != null) {
                result.add(entry);
            }
        }
        return result;
    }

    private ObjectNode entry(JsonNode node, String path, List<String> allowedTypes) {
        if (!node.isObject()) {
            issues.add(path, RequestIssues.expected("object", node));
            return null;
        }
        JsonNode type = node.get("type");
        if (type == null || !type.isTextual() || !allowedTypes.contains(type.asText())) {
            issues.add(path + ".type", RequestIssues.oneOf(allowedTypes));
            return null;
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.set("field", issues.nonEmptyString(node.get("field"), path + ".field"));
        switch (type.asText()) {
            case "match", "wildcard" -> {
                out.set("operator", option(node.get("operator"), path + ".operator", OPERATORS));
                out.set("value", issues.nonEmptyString(node.get("value"), path + ".value"));
            }
            case "match_any" -> {
                out.set("operator", option(node.get("operator"), path + ".operator", OPERATORS));
                out.set("value", nonEmptyStrings(node.get("value"), path + ".value"));
            }
            case "exists" -> out.set("operator", option(node.get("operator"), path + ".operator", OPERATORS));
            case "list" -> {
                out.set("operator", option(node.get("operator"), path + ".operator", OPERATORS));
                out.set("list", list(node.get("list"), path + ".list"));
            }
            default -> out.set("entries", nested(node.get("entries"), path + ".entries"));
        }
        out.put("type", type.asText());
        return out;
    }

    private JsonNode nested(JsonNode entries, String path) {
        ArrayNode result = JsonNodeFactory.instance.arrayNode();
        if (entries == null || !entries.isArray()) {
            issues.add(path, entries == null ? "Required" : RequestIssues.expected("array", entries));
            return result;
        }
        if (entries.isEmpty()) {
            issues.add(path, "Too small: expected array to have >=1 items");
        }
        for (int i = 0; i < entries.size(); i++) {
            ObjectNode entry = entry(entries.get(i), path + "." + i, NESTED_TYPES);
            if (entry != null) {
                result.add(entry);
            }
        }
        return result;
    }

    private JsonNode list(JsonNode list, String path) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        if (list == null || !list.isObject()) {
            issues.add(path, list == null ? "Required" : RequestIssues.expected("object", list));
            return out;
        }
        out.set("id", issues.nonEmptyString(list.get("id"), path + ".id"));
        out.set("type", option(list.get("type"), path + ".type", LIST_TYPES));
        return out;
    }

    private JsonNode nonEmptyStrings(JsonNode values, String path) {
        if (values == null || !values.isArray()) {
            issues.add(path, values == null ? "Required" : RequestIssues.expected("array", values));
            return values;
        }
        if (values.isEmpty()) {
            issues.add(path, "Too small: expected array to have >=1 items");
        }
        for (int i = 0; i < values.size(); i++) {
            issues.nonEmptyString(values.get(i), path + "." + i);
        }
        return values.deepCopy();
    }

    private JsonNode option(JsonNode value, String path, List<String> options) {
        if (value == null) {
            issues.add(path, "Required");
        } else if (!value.isTextual() || !options.contains(value.asText())) {
            issues.add(path, RequestIssues.oneOf(options));
        }
        return value;
    }

    /** The entry types the endpoint list takes (Kibana's endpoint entries codec): nested holds matches only. */
    static boolean endpointAllows(JsonNode entry) {
        String type = entry.path("type").asText();
        if (type.equals("nested")) {
            for (JsonNode child : entry.path("entries")) {
                if (!Set.of("match", "match_any").contains(child.path("type").asText())) {
                    return false;
                }
            }
            return true;
        }
        return Set.of("match", "match_any", "wildcard").contains(type);
    }
}
