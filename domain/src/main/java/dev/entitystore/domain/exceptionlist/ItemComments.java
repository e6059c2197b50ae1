package dev.entitystore.domain.exceptionlist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Supplier;

/**
 * Comments are append-only, as Kibana keeps them: the stored ones stay as they are, in order, and each
 * incoming comment without an {@code id} is added with a new id, the time and the user. An incoming
 * comment with an {@code id} changes nothing (existing comments cannot be edited or removed).
 */
final class ItemComments {
    private ItemComments() {
    }

    static ArrayNode append(JsonNode stored, List<ItemInput.Comment> incoming, String now, String user,
                            Supplier<String> ids) {
        ArrayNode result = stored != null && stored.isArray() ? ((ArrayNode) stored).deepCopy()
                : JsonNodeFactory.instance.arrayNode();
        if (incoming == null) {
            return result;
        }
        for (ItemInput.Comment comment : incoming) {
            if (comment.id() == null) {
                ObjectNode added = result.addObject();
                added.put("comment", comment.comment());
                added.put("created_at", now);
                added.put("created_by", user);
                added.put("id", ids.get());
            }
        }
        return result;
    }

    static void validate(List<ItemInput.Comment> comments, RequestIssues issues) {
        if (comments == null) {
            return;
        }
        for (int i = 0; i < comments.size(); i++) {
            ItemInput.Comment comment = comments.get(i);
            if (comment == null) {
                issues.add("comments." + i, "Invalid input: expected object, received null");
                continue;
            }
            issues.nonEmptyString(text(comment.comment()), "comments." + i + ".comment");
            if (comment.id() != null) {
                issues.nonEmptyString(text(comment.id()), "comments." + i + ".id");
            }
        }
    }

    private static JsonNode text(String value) {
        return value == null ? null : JsonNodeFactory.instance.textNode(value);
    }
}
