package dev.entitystore.store.opensearch;

import dev.entitystore.domain.store.StoredEntity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The changes carried by the documents this process read lately, by record state: a caller that hands a read
 * record back for a conditional write (a bulk item carrying its read) gets its write carry them on. Bounded,
 * least recently used forgotten first; a forgotten read is read again from the store.
 */
final class RecentReads {
    private static final int REMEMBERED = 4_096;

    private final Map<String, List<CarriedChange>> carried = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<CarriedChange>> eldest) {
            return size() > REMEMBERED;
        }
    };

    synchronized void put(String space, VersionedRecord record) {
        carried.put(key(space, record.entity()), record.carried());
    }

    /** What the document in this exact state carried, or null if not remembered. */
    synchronized List<CarriedChange> get(String space, StoredEntity read) {
        return carried.get(key(space, read));
    }

    private static String key(String space, StoredEntity entity) {
        return space.length() + ":" + space + ":" + entity.id() + ":" + entity.seqNo() + ":" + entity.primaryTerm();
    }
}
