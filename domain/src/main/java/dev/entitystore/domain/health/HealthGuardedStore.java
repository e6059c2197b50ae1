package dev.entitystore.domain.health;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.error.StoreUnavailableException;
import dev.entitystore.domain.store.BulkOperation;
import dev.entitystore.domain.store.CreateOutcome;
import dev.entitystore.domain.store.EntityMerge;
import dev.entitystore.domain.store.EntityPage;
import dev.entitystore.domain.store.StoredJson;
import dev.entitystore.domain.store.EntityStore;
import dev.entitystore.domain.store.ItemOutcome;
import dev.entitystore.domain.store.MergeOutcome;
import dev.entitystore.domain.store.SettingCheck;
import dev.entitystore.domain.store.StoredEntity;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.Consumer;

/**
 * The store, refusing every write while a component says none can be made durable (a lost data
 * directory, a failed search index): the write fails as "store unavailable" before anything of it is
 * applied, instead of being acknowledged into files that are gone. Reads pass through.
 */
public final class HealthGuardedStore implements EntityStore {
    private final EntityStore store;
    private final ServiceHealth health;

    public HealthGuardedStore(EntityStore store, ServiceHealth health) {
        this.store = store;
        this.health = health;
    }

    private void writable() {
        Optional<String> reason = health.refusesWrites();
        if (reason.isPresent()) {
            throw new StoreUnavailableException("The entity store cannot accept writes: " + reason.get()
                    + "; nothing was applied", null);
        }
    }

    @Override
    public Optional<StoredEntity> get(String space, String id) {
        return store.get(space, id);
    }

    @Override
    public Map<String, StoredEntity> getAll(String space, List<String> ids) {
        return store.getAll(space, ids);
    }

    @Override
    public CreateOutcome create(String space, String id, ObjectNode source) {
        writable();
        return store.create(space, id, source);
    }

    @Override
    public MergeOutcome merge(String space, String id, EntityMerge merge) {
        writable();
        return store.merge(space, id, merge);
    }

    @Override
    public MergeOutcome merge(String space, String id, SettingCheck check, EntityMerge merge) {
        writable();
        return store.merge(space, id, check, merge);
    }

    @Override
    public List<ItemOutcome> bulk(String space, List<BulkOperation> operations) {
        writable();
        return store.bulk(space, operations);
    }

    @Override
    public boolean delete(String space, String id, Consumer<StoredEntity> precondition) {
        writable();
        return store.delete(space, id, precondition);
    }

    @Override
    public long deleteAll(String space) {
        writable();
        return store.deleteAll(space);
    }

    @Override
    public EntityPage scan(String space, String afterId, int limit) {
        return store.scan(space, afterId, limit);
    }

    @Override
    public StoredJson scanJson(String space, String afterId, int limit) {
        return store.scanJson(space, afterId, limit);
    }

    @Override
    public Optional<ObjectNode> getSetting(String space, String key) {
        return store.getSetting(space, key);
    }

    @Override
    public void putSetting(String space, String key, ObjectNode value) {
        writable();
        store.putSetting(space, key, value);
    }

    @Override
    public boolean deleteSetting(String space, String key) {
        writable();
        return store.deleteSetting(space, key);
    }

    @Override
    public Map<String, ObjectNode> settings(String space) {
        return store.settings(space);
    }

    @Override
    public boolean sharedAcrossProcesses() {
        return store.sharedAcrossProcesses();
    }

    @Override
    public <T> T exclusively(String space, Supplier<T> change) {
        return store.exclusively(space, change);
    }

    @Override
    public List<String> spaces() {
        return store.spaces();
    }

    @Override
    public void close() {
        store.close();
    }
}
