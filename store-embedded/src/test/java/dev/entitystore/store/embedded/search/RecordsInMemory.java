package dev.entitystore.store.embedded.search;

import dev.entitystore.domain.store.CommittedChange;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The records an index test applied, as the store would hand them to a search (tests without a store). */
final class RecordsInMemory implements RecordLookup {
    private final Map<String, byte[]> records = new HashMap<>();

    /** Keeps the upserts of {@code changes} (the last state of each record) and forgets deleted ones. */
    RecordsInMemory apply(List<CommittedChange> changes) {
        for (CommittedChange change : changes) {
            String key = IndexFields.key(change.space(), change.id());
            switch (change.kind()) {
                case UPSERT -> records.put(key, change.source());
                case DELETE -> records.remove(key);
                case SPACE_DELETED -> records.keySet().removeIf(k -> k.startsWith(change.space() + '\u0000'));
            }
        }
        return this;
    }

    @Override
    public Map<String, byte[]> storedJson(String space, List<String> ids) {
        Map<String, byte[]> found = new LinkedHashMap<>();
        for (String id : ids) {
            byte[] record = records.get(IndexFields.key(space, id));
            if (record != null) {
                found.put(id, record);
            }
        }
        return found;
    }
}
