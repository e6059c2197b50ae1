package dev.entitystore.domain.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/** The DSL's {@code range} query: {@code {"field": {"gte": a, "lt": b, ...}}}, old {@code from/to} form too. */
final class DslRange {
    private DslRange() {
    }

    static Query parse(ObjectNode body) {
        String field = null;
        ObjectNode spec = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (entry.getKey().equals("boost") || entry.getKey().equals("_name")) {
                continue;
            }
            if (field != null) {
                throw QueryDslParser.invalid("[range] query doesn't support multiple fields, found [" + field
                        + "] and [" + entry.getKey() + "]");
            }
            field = entry.getKey();
            spec = QueryDslParser.object("range", entry.getValue());
        }
        if (field == null) {
            throw QueryDslParser.invalid("[range] query requires a field");
        }
        String lower = null;
        String upper = null;
        boolean includeLower = true;
        boolean includeUpper = true;
        for (Iterator<Map.Entry<String, JsonNode>> it = spec.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> option = it.next();
            JsonNode value = option.getValue();
            switch (option.getKey()) {
                case "gte" -> { lower = bound(value); includeLower = true; }
                case "gt" -> { lower = bound(value); includeLower = false; }
                case "lte" -> { upper = bound(value); includeUpper = true; }
                case "lt" -> { upper = bound(value); includeUpper = false; }
                case "from" -> lower = bound(value);
                case "to" -> upper = bound(value);
                case "include_lower" -> includeLower = value.asBoolean(true);
                case "include_upper" -> includeUpper = value.asBoolean(true);
                // Dates are UTC ISO-8601 or epoch millis here; a format or zone does not change how ours compare.
                case "format", "time_zone", "relation", "boost", "_name" -> { }
                default -> throw QueryDslParser.invalid("[range] query does not support [" + option.getKey() + "]");
            }
        }
        return new Query.Range(field,
                lower == null ? null : new Query.RangeBound(lower, includeLower),
                upper == null ? null : new Query.RangeBound(upper, includeUpper));
    }

    /** {@code null} is an open end, as in Elasticsearch. */
    private static String bound(JsonNode value) {
        return value == null || value.isNull() ? null : FieldAndValue.scalar("range", value);
    }
}
