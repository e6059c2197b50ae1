package dev.entitystore.domain.exceptionlist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Stored lists and items as Kibana's exception-list routes answer them: the saved object's attributes
 * with its id, {@code _version} and {@code namespace_type}, keys in Kibana's (alphabetical) order, missing
 * {@code comments}/{@code entries} as {@code []} and an unknown item type as {@code simple}.
 */
final class ListObjectViews {
    private ListObjectViews() {
    }

    static ObjectNode item(StoredListObject stored) {
        ObjectNode a = stored.attributes();
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("_version", stored.version().encode());
        out.set("comments", arrayOrEmpty(a.get("comments")));
        copy(a, out, "created_at", "created_by", "description");
        out.set("entries", arrayOrEmpty(a.get("entries")));
        copyIfPresent(a, out, "expire_time");
        out.put("id", stored.id());
        copy(a, out, "item_id", "list_id");
        copyIfPresent(a, out, "meta");
        copy(a, out, "name");
        out.put("namespace_type", EndpointListItems.NAMESPACE_TYPE);
        out.set("os_types", arrayOrEmpty(a.get("os_types")));
        out.set("tags", arrayOrEmpty(a.get("tags")));
        copy(a, out, "tie_breaker_id");
        out.put("type", "simple"); // the only item type there is; Kibana renders any other stored one so
        copy(a, out, "updated_at", "updated_by");
        return out;
    }

    static ObjectNode list(StoredListObject stored) {
        ObjectNode a = stored.attributes();
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("_version", stored.version().encode());
        copy(a, out, "created_at", "created_by", "description");
        out.put("id", stored.id());
        copy(a, out, "immutable", "list_id");
        copyIfPresent(a, out, "meta");
        copy(a, out, "name");
        out.put("namespace_type", EndpointListItems.NAMESPACE_TYPE);
        out.set("os_types", arrayOrEmpty(a.get("os_types")));
        out.set("tags", arrayOrEmpty(a.get("tags")));
        copy(a, out, "tie_breaker_id", "type", "updated_at", "updated_by", "version");
        return out;
    }

    private static JsonNode arrayOrEmpty(JsonNode value) {
        return value != null && value.isArray() ? value.deepCopy() : JsonNodeFactory.instance.arrayNode();
    }

    private static void copy(ObjectNode from, ObjectNode to, String... keys) {
        for (String key : keys) {
            JsonNode value = from.get(key);
            to.set(key, value == null ? JsonNodeFactory.instance.nullNode() : value.deepCopy());
        }
    }

    private static void copyIfPresent(ObjectNode from, ObjectNode to, String key) {
        JsonNode value = from.get(key);
        if (value != null && !value.isNull()) {
            to.set(key, value.deepCopy());
        }
    }
}
