package dev.entitystore.domain.exceptionlist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * The tags Kibana's endpoint-artifact extension gives every endpoint-list item: {@code policy:all} when
 * the item names no policy (no Fleet policies here, so every item is global unless it says otherwise),
 * and {@code ownerSpaceId:<space>} for the space that created it, kept by later updates from any space.
 */
final class ArtifactTags {
    static final String POLICY_ALL = "policy:all";
    private static final String POLICY_PREFIX = "policy:";
    private static final String OWNER_PREFIX = "ownerSpaceId:";

    private ArtifactTags() {
    }

    static ArrayNode complete(JsonNode tags, String space) {
        ArrayNode result = tags != null && tags.isArray() ? ((ArrayNode) tags).deepCopy()
                : JsonNodeFactory.instance.arrayNode();
        if (!anyStartsWith(result, POLICY_PREFIX)) {
            result.add(POLICY_ALL);
        }
        if (!anyStartsWith(result, OWNER_PREFIX)) {
            result.add(OWNER_PREFIX + space);
        }
        return result;
    }

    private static boolean anyStartsWith(ArrayNode tags, String prefix) {
        for (JsonNode tag : tags) {
            if (tag.asText().startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
