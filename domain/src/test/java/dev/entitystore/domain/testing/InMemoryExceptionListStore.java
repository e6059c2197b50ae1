package dev.entitystore.domain.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.exceptionlist.ExceptionListStore;
import dev.entitystore.domain.exceptionlist.ListObjectVersion;
import dev.entitystore.domain.exceptionlist.ListWrite;
import dev.entitystore.domain.exceptionlist.StoredListObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The exception-list port in memory, for the domain's tests (and a reference for the contract suite). */
public final class InMemoryExceptionListStore implements ExceptionListStore {
    private final Map<String, StoredListObject> objects = new LinkedHashMap<>();
    private long nextSeqNo;

    @Override
    public synchronized Optional<StoredListObject> get(String id) {
        return Optional.ofNullable(objects.get(id)).map(InMemoryExceptionListStore::copy);
    }

    @Override
    public synchronized Optional<StoredListObject> findItem(String listId, String itemId) {
        return objects.values().stream().filter(o -> o.isItem() && o.listId().equals(listId) && o.itemId().equals(itemId))
                .findFirst().map(InMemoryExceptionListStore::copy);
    }

    @Override
    public synchronized Optional<StoredListObject> create(String id, ObjectNode attributes) {
        StoredListObject probe = new StoredListObject(id, attributes, null);
        if (objects.containsKey(id) || (probe.isItem() && findItem(probe.listId(), probe.itemId()).isPresent())) {
            return Optional.empty();
        }
        return Optional.of(put(id, attributes));
    }

    @Override
    public synchronized ListWrite replace(String id, ObjectNode attributes, ListObjectVersion expected) {
        StoredListObject stored = objects.get(id);
        if (stored == null) {
            return new ListWrite.Missing();
        }
        if (expected != null && !expected.equals(stored.version())) {
            return new ListWrite.Conflict(stored.version());
        }
        return new ListWrite.Written(put(id, attributes));
    }

    @Override
    public synchronized boolean delete(String id) {
        return objects.remove(id) != null;
    }

    @Override
    public synchronized long countItems(String listId) {
        return items(listId).size();
    }

    @Override
    public synchronized List<StoredListObject> items(String listId) {
        return objects.values().stream().filter(o -> o.isItem() && o.listId().equals(listId))
                .map(InMemoryExceptionListStore::copy).toList();
    }

    private StoredListObject put(String id, ObjectNode attributes) {
        StoredListObject stored = new StoredListObject(id, attributes.deepCopy(), new ListObjectVersion(nextSeqNo++, 1));
        objects.put(id, stored);
        return copy(stored);
    }

    private static StoredListObject copy(StoredListObject o) {
        return new StoredListObject(o.id(), o.attributes().deepCopy(), o.version());
    }
}
