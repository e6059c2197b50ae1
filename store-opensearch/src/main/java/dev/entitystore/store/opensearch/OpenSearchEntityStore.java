package dev.entitystore.store.opensearch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.store.BulkOperation;
import dev.entitystore.domain.store.CreateOutcome;
import dev.entitystore.domain.store.EntityMerge;
import dev.entitystore.domain.store.EntityPage;
import dev.entitystore.domain.store.EntityStore;
import dev.entitystore.domain.store.ItemOutcome;
import dev.entitystore.domain.store.MergeOutcome;
import dev.entitystore.domain.store.StoreOpenException;
import dev.entitystore.domain.store.StoredEntity;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpenSearchException;

/**
 * The storage port on an OpenSearch 2.x cluster: one entity index per space ({@link EntityIndices}), one
 * settings index ({@link SettingsIndex}), records keyed by the {@code _id} the domain hands in.
 *
 * <p>Every write waits for the next refresh ({@code refresh=wait_for}), so a get or search made after it
 * returns finds it. Merges are optimistic ({@link OptimisticMerge}); bulks write each record once,
 * conditionally ({@link BulkWriter}). The connection is the caller's: closing the store does not close it.
 */
public final class OpenSearchEntityStore implements EntityStore {
    private final EntityIndices indices;
    private final EntityDocuments documents;
    private final OptimisticMerge merges;
    private final BulkWriter bulks;
    private final IdOrderScan scans;
    private final SettingsIndex settings;
    private final MergeGuard guard = new MergeGuard();
    private volatile boolean closed;

    private OpenSearchEntityStore(OpenSearchClient client, IndexNames names) {
        this.indices = new EntityIndices(client, names);
        this.documents = new EntityDocuments(client, indices);
        this.merges = new OptimisticMerge(documents, guard);
        this.bulks = new BulkWriter(client, indices, documents, guard);
        this.scans = new IdOrderScan(client, indices);
        this.settings = new SettingsIndex(client, names);
    }

    /**
     * Checks that the cluster answers (with these credentials). Indices are created by the first write
     * that needs them.
     *
     * @throws StoreOpenException with one line naming the cluster when it does not answer or refuses
     */
    public static OpenSearchEntityStore open(OpenSearchConnection connection, IndexNames names) {
        OpenSearchClient client = connection.client();
        try {
            client.info();
        } catch (IOException | OpenSearchException e) {
            throw new StoreOpenException("OpenSearch at " + connection.url() + " does not answer: " + reason(e), e);
        }
        return new OpenSearchEntityStore(client, names);
    }

    @Override
    public Optional<StoredEntity> get(String space, String id) {
        checkOpen();
        return documents.get(name(space, "space"), name(id, "id")).map(VersionedRecord::entity);
    }

    @Override
    public CreateOutcome create(String space, String id, ObjectNode source) {
        checkWrite();
        return documents.create(name(space, "space"), name(id, "id"), Objects.requireNonNull(source, "source")).isPresent()
                ? CreateOutcome.CREATED
                : CreateOutcome.ALREADY_EXISTS;
    }

    @Override
    public MergeOutcome merge(String space, String id, EntityMerge merge) {
        checkWrite();
        return merges.merge(name(space, "space"), name(id, "id"), Objects.requireNonNull(merge, "merge"));
    }

    @Override
    public List<ItemOutcome> bulk(String space, List<BulkOperation> operations) {
        checkWrite();
        name(space, "space");
        List<BulkOperation> items = List.copyOf(operations);
        for (BulkOperation item : items) {
            name(item.id(), "id");
        }
        return items.isEmpty() ? List.of() : bulks.bulk(space, items);
    }

    @Override
    public boolean delete(String space, String id) {
        checkWrite();
        return documents.delete(name(space, "space"), name(id, "id"));
    }

    @Override
    public long deleteAll(String space) {
        checkWrite();
        return indices.deleteAll(name(space, "space"));
    }

    @Override
    public EntityPage scan(String space, String afterId, int limit) {
        checkOpen();
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        return scans.page(name(space, "space"), afterId, limit);
    }

    @Override
    public Optional<ObjectNode> getSetting(String space, String key) {
        checkOpen();
        return settings.get(name(space, "space"), name(key, "key"));
    }

    /** Also creates the space's entity index: a space gets it when installed, as in Kibana. */
    @Override
    public void putSetting(String space, String key, ObjectNode value) {
        checkWrite();
        settings.put(name(space, "space"), name(key, "key"), Objects.requireNonNull(value, "value"));
        indices.ensure(space);
    }

    @Override
    public boolean deleteSetting(String space, String key) {
        checkWrite();
        return settings.delete(name(space, "space"), name(key, "key"));
    }

    @Override
    public Map<String, ObjectNode> settings(String space) {
        checkOpen();
        return settings.all(name(space, "space"));
    }

    /** Refuses later calls; requests in flight finish on their own (each is one synchronous call). */
    @Override
    public void close() {
        closed = true;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the entity store is closed");
        }
    }

    private void checkWrite() {
        checkOpen();
        guard.refuseWriteFromMerge();
    }

    private static String name(String value, String what) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(what + " must be a non-empty string");
        }
        return value;
    }

    private static String reason(Exception e) {
        return ClusterError.of(e).map(BackendFailures::describe).orElseGet(() -> BackendFailures.wireReason((IOException) e));
    }
}
