package dev.entitystore.domain.profile;

import com.fasterxml.jackson.databind.JsonNode;

/** The parser token Elasticsearch's object parsers name in "doesn't support values of type" messages. */
final class ParserTokens {
    private ParserTokens() {
    }

    static String of(JsonNode value) {
        if (value.isObject()) {
            return "START_OBJECT";
        }
        if (value.isArray()) {
            return "START_ARRAY";
        }
        if (value.isNumber()) {
            return "VALUE_NUMBER";
        }
        if (value.isBoolean()) {
            return "VALUE_BOOLEAN";
        }
        return value.isNull() ? "VALUE_NULL" : "VALUE_STRING";
    }
}
