package dev.entitystore.domain.exceptionlist;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * The storage port of exception lists and their items (Kibana's space-agnostic exception-list saved
 * objects): one record per id, versioned, written conditionally. Each call returns once its write is
 * durable and seen by every read after it. Failures of the backend are
 * {@link dev.entitystore.domain.error.StoreUnavailableException}.
 */
public interface ExceptionListStore {
    Optional<StoredListObject> get(String id);

    /** The item of list {@code listId} whose {@code item_id} is {@code itemId}. */
    Optional<StoredListObject> findItem(String listId, String itemId);

    /**
     * Stores a new object (its {@code list_type}, {@code list_id} and {@code item_id} read from the
     * attributes); empty when the id is taken, or an item of the same list has the same {@code item_id}.
     */
    Optional<StoredListObject> create(String id, ObjectNode attributes);

    /** Replaces the object's attributes, if it is still at {@code expected} (any version when null). */
    ListWrite replace(String id, ObjectNode attributes, ListObjectVersion expected);

    /** Removes the object; false when there was none. */
    boolean delete(String id);

    /** How many items list {@code listId} holds. */
    long countItems(String listId);

    /** Every item of list {@code listId} (a list holds at most {@link EndpointListItems#MAX_LIST_SIZE}). */
    List<StoredListObject> items(String listId);
}
