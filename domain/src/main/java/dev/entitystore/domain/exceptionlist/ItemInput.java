package dev.entitystore.domain.exceptionlist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The body of an endpoint-list item create or update, as sent: null where a key was absent. {@code id}
 * and {@code version} ({@code _version}) only on update.
 */
public record ItemInput(String id, String itemId, String type, String name, String description, JsonNode entries,
                        List<String> osTypes, List<String> tags, ObjectNode meta, List<Comment> comments,
                        String version) {

    /** A comment as sent: {@code id} set only for a comment the item already has. */
    public record Comment(String id, String comment) {
    }
}
