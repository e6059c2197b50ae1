package dev.entitystore.store.embedded.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.store.CommittedChange;
import dev.entitystore.domain.store.StoredEntity;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The records an index test applied, as the store would hand them to a search (tests without a store). */
final class RecordsInMemory implements RecordLookup {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, StoredEntity> records = new HashMap<>();

    /** Keeps the upserts of {@code changes} (the last state of each record) and forgets deleted ones. */
    RecordsInMemory apply(List<CommittedChange> changes) {
        for (CommittedChange change : changes) {
            String key = IndexFields.key(change.space(), change.id());
            switch (change.kind()) {
                case UPSERT -> records.put(key, new StoredEntity(change.id(), parse(change.json()), change.seqNo(), 1));
                case DELETE -> records.remove(key);
                case SPACE_DELETED -> records.keySet().removeIf(k -> k.startsWith(change.space() + '\u0000'));
            }
        }
        return this;
    }

    @Override
    public Map<String, StoredEntity> records(String space, List<String> ids) {
        Map<String, StoredEntity> found = new LinkedHashMap<>();
        for (String id : ids) {
            StoredEntity record = records.get(IndexFields.key(space, id));
            if (record != null) {
                found.put(id, record);
            }
        }
        return found;
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
