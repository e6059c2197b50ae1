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
 * The store's per-space settings. Every entity write asks whether its space is installed (and v1 writes,
 * whether the engine runs). On a store only this process writes, those answers change only through
 * {@link EngineManager}, so they are read through a write-through cache, filled from the store per space
 * on first use. On a store other servers write too ({@link EntityStore#sharedAcrossProcesses}) nothing is
 * kept: every question is asked of the store, so no write acts on an answer another server has changed
 * since. Values handed out are copies, so callers may modify them.
 */
final class SpaceSettings {
    private final EntityStore store;
    /** {@code null} when the store is shared: then nothing is cached. */
    private final ConcurrentMap<String, Map<String, ObjectNode>> bySpace;

    SpaceSettings(EntityStore store) {
        this.store = store;
        this.bySpace = store.sharedAcrossProcesses() ? null : new ConcurrentHashMap<>();
    }

    Optional<ObjectNode> get(String space, String key) {
        if (bySpace == null) {
            return store.getSetting(space, key);
        }
        ObjectNode value = cached(space).get(key);
        return value == null ? Optional.empty() : Optional.of(value.deepCopy());
    }

    boolean has(String space, String key) {
        return bySpace == null ? store.getSetting(space, key).isPresent() : cached(space).containsKey(key);
    }

    void put(String space, String key, ObjectNode value) {
        store.putSetting(space, key, value);
        if (bySpace != null) {
            cached(space).put(key, value.deepCopy());
        }
    }

    boolean delete(String space, String key) {
        boolean deleted = store.deleteSetting(space, key);
        if (bySpace != null) {
            cached(space).remove(key);
        }
        return deleted;
    }

    /** Every setting of the space, by key, in key order (copies). */
    Map<String, ObjectNode> all(String space) {
        if (bySpace == null) {
            return new TreeMap<>(store.settings(space));
        }
        Map<String, ObjectNode> copies = new TreeMap<>();
        cached(space).forEach((key, value) -> copies.put(key, value.deepCopy()));
        return copies;
    }

    private Map<String, ObjectNode> cached(String space) {
        return bySpace.computeIfAbsent(space, s -> new ConcurrentSkipListMap<>(store.settings(s)));
    }
}
