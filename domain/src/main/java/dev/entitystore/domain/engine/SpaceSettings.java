package dev.entitystore.domain.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.store.EntityMerge;
import dev.entitystore.domain.store.EntityStore;
import dev.entitystore.domain.store.MergeOutcome;
import dev.entitystore.domain.store.SettingCheck;
import java.util.LinkedHashMap;
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
 * since; a write's own question is then asked with the read of its record ({@link #merge}). Values handed
 * out are copies, so callers may modify them.
 */
final class SpaceSettings {
    private final EntityStore store;
    /** Whether to cache, asked of the store on first use (not when built: an application is built before it serves). */
    private volatile Cache cache;

    /** The cached settings by space, or {@code null} when the store is shared and nothing is cached. */
    private record Cache(ConcurrentMap<String, Map<String, ObjectNode>> bySpace) {
    }

    SpaceSettings(EntityStore store) {
        this.store = store;
    }

    Optional<ObjectNode> get(String space, String key) {
        ConcurrentMap<String, Map<String, ObjectNode>> bySpace = bySpace();
        if (bySpace == null) {
            return store.getSetting(space, key);
        }
        ObjectNode value = cached(bySpace, space).get(key);
        return value == null ? Optional.empty() : Optional.of(value.deepCopy());
    }

    boolean has(String space, String key) {
        ConcurrentMap<String, Map<String, ObjectNode>> bySpace = bySpace();
        return bySpace == null ? store.getSetting(space, key).isPresent() : cached(bySpace, space).containsKey(key);
    }

    /**
     * The store's merge of record {@code id} after {@code check} has accepted its settings: the cached ones when
     * settings are cached, else the ones the store reads together with the record.
     */
    MergeOutcome merge(String space, String id, SettingCheck check, EntityMerge merge) {
        ConcurrentMap<String, Map<String, ObjectNode>> bySpace = bySpace();
        if (bySpace == null) {
            return store.merge(space, id, check, merge);
        }
        Map<String, ObjectNode> inSpace = cached(bySpace, space);
        Map<String, ObjectNode> settings = new LinkedHashMap<>();
        for (String key : check.keys()) {
            ObjectNode value = inSpace.get(key);
            if (value != null) {
                settings.put(key, value.deepCopy());
            }
        }
        check.verify().accept(settings);
        return store.merge(space, id, merge);
    }

    void put(String space, String key, ObjectNode value) {
        ConcurrentMap<String, Map<String, ObjectNode>> bySpace = bySpace();
        store.putSetting(space, key, value);
        if (bySpace != null) {
            cached(bySpace, space).put(key, value.deepCopy());
        }
    }

    boolean delete(String space, String key) {
        ConcurrentMap<String, Map<String, ObjectNode>> bySpace = bySpace();
        boolean deleted = store.deleteSetting(space, key);
        if (bySpace != null) {
            cached(bySpace, space).remove(key);
        }
        return deleted;
    }

    /** Every setting of the space, by key, in key order (copies). */
    Map<String, ObjectNode> all(String space) {
        ConcurrentMap<String, Map<String, ObjectNode>> bySpace = bySpace();
        if (bySpace == null) {
            return new TreeMap<>(store.settings(space));
        }
        Map<String, ObjectNode> copies = new TreeMap<>();
        cached(bySpace, space).forEach((key, value) -> copies.put(key, value.deepCopy()));
        return copies;
    }

    private ConcurrentMap<String, Map<String, ObjectNode>> bySpace() {
        Cache current = cache;
        if (current == null) {
            synchronized (this) {
                current = cache;
                if (current == null) {
                    current = new Cache(store.sharedAcrossProcesses() ? null : new ConcurrentHashMap<>());
                    cache = current;
                }
            }
        }
        return current.bySpace();
    }

    private Map<String, ObjectNode> cached(ConcurrentMap<String, Map<String, ObjectNode>> bySpace, String space) {
        return bySpace.computeIfAbsent(space, s -> new ConcurrentSkipListMap<>(store.settings(s)));
    }
}
