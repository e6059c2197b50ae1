package dev.entitystore.store.opensearch.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Small builders of OpenSearch query DSL nodes. */
final class Dsl {
    static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Dsl() {
    }

    /** {@code {kind: {field: body}}}, e.g. a term or range on one field. */
    static ObjectNode leaf(String kind, String field, JsonNode body) {
        ObjectNode node = JSON.objectNode();
        node.putObject(kind).set(field, body);
        return node;
    }

    static ObjectNode matchAll() {
        ObjectNode node = JSON.objectNode();
        node.putObject("match_all");
        return node;
    }

    static ObjectNode matchNone() {
        ObjectNode node = JSON.objectNode();
        node.putObject("match_none");
        return node;
    }

    static ObjectNode ids(List<String> values) {
        if (values.isEmpty()) {
            return matchNone();
        }
        ObjectNode node = JSON.objectNode();
        ArrayNode array = node.putObject("ids").putArray("values");
        values.forEach(array::add);
        return node;
    }

    /** Matches when any alternative does; none: nothing. */
    static ObjectNode anyOf(List<ObjectNode> alternatives) {
        if (alternatives.isEmpty()) {
            return matchNone();
        }
        if (alternatives.size() == 1) {
            return alternatives.get(0);
        }
        ObjectNode node = JSON.objectNode();
        ObjectNode bool = node.putObject("bool");
        ArrayNode should = bool.putArray("should");
        alternatives.forEach(should::add);
        bool.put("minimum_should_match", 1);
        return node;
    }
}
