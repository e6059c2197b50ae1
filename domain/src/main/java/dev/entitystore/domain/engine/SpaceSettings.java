package dev.entitystore.domain.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.store.EntityStore;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The store's per-space settings, read through a write-through cache: every entity write asks whether
 * its space is installed (and v1 writes, whether the engine runs), and those answers change only through
 * {@link EngineManager}, in this process. The store stays the record of truth; the cache is filled from
 * it per space on first use. Values handed out are copies, so callers may modify them.
 */
final class SpaceSettings {
    private final EntityStore store;
    private final ConcurrentMap<String, Map<String, ObjectNode>> bySpace = new ConcurrentHashMap<>();

    SpaceSettings(EntityStore store) {
        this.store = store;
    }

    Optional<ObjectNode> get(String space, String key) {
        ObjectNode value = of(space).get(key);
        return value == null ? Optional.empty() : Optional.of(value.deepCopy());
    }

    boolean has(String space, String key) {
        return of(space).containsKey(key);
    }

    void put(String space, String key, ObjectNode value) {
        store.putSetting(space, key, value);
        of(space).put(key, value.deepCopy());
    }

    boolean delete(String space, String key) {
        boolean deleted = store.deleteSetting(space, key);
        of(space).remove(key);
        return deleted;
    }

    /** Every setting of the space, by key, in key order (copies). */
    Map<String, ObjectNode> all(String space) {
        Map<String, ObjectNode> copies = new TreeMap<>();
        of(space).forEach((key, value) -> copies.put(key, value.deepCopy()));
        return copies;
    }

    private Map<String, ObjectNode> of(String space) {
        return bySpace.computeIfAbsent(space, s -> new ConcurrentSkipListMap<>(store.settings(s)));
    }
}
