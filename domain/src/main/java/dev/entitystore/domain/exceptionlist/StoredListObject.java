package dev.entitystore.domain.exceptionlist;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One stored exception list or list item, as Kibana keeps it in a saved object: its id, its attributes
 * ({@code list_type} says which of the two it is) and its version.
 */
public record StoredListObject(String id, ObjectNode attributes, ListObjectVersion version) {
    public static final String LIST_TYPE = "list_type";
    public static final String LIST_ID = "list_id";
    public static final String ITEM_ID = "item_id";

    public boolean isItem() {
        return "item".equals(attributes.path(LIST_TYPE).asText());
    }

    public String listId() {
        return attributes.path(LIST_ID).asText();
    }

    public String itemId() {
        return attributes.path(ITEM_ID).asText();
    }
}
