package dev.entitystore.store.opensearch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.census.SpaceDirectory;
import dev.entitystore.domain.history.EntityHistory;
import dev.entitystore.domain.history.FeedPage;
import dev.entitystore.domain.history.HistoryPage;
import dev.entitystore.domain.history.HistoryQuery;
import dev.entitystore.domain.store.BulkOperation;
import dev.entitystore.domain.store.CreateOutcome;
import dev.entitystore.domain.store.EntityMerge;
import dev.entitystore.domain.store.EntityPage;
import dev.entitystore.domain.store.EntityStore;
import dev.entitystore.domain.store.ItemOutcome;
import dev.entitystore.domain.store.MergeOutcome;
import dev.entitystore.domain.store.SettingCheck;
import dev.entitystore.domain.store.StoreOpenException;
import dev.entitystore.domain.store.StoredEntity;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.Set;
import java.util.function.Consumer;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpenSearchException;

/**
 * The storage port on an OpenSearch 2.x cluster: one entity index per space ({@link EntityIndices}), one
 * settings index ({@link SettingsIndex}), records keyed by the {@code _id} the domain hands in.
 *
 * <p>Writes do not wait for a refresh; gets are realtime and every search of an entity index refreshes
 * it first, so a get or search made after a write returns finds it, through any server. Merges are optimistic ({@link OptimisticMerge}); bulks write each record once,
 * conditionally ({@link BulkWriter}). The connection is the caller's: closing the store does not close it.
 */
public final class OpenSearchEntityStore implements EntityStore, EntityHistory, SpaceDirectory {
    private final EntityIndices indices;
    private final EntityDocuments documents;
    private final OptimisticMerge merges;
    private final BulkWriter bulks;
    private final IdOrderScan scans;
    private final SettingsIndex settings;
    private final ChangesIndex changes;
    private final TombstoneDeletes tombstones;
    private final ChangePruning pruning;
    private final PrunedMark prunedMark;
    private final SpaceLeases leases;
    private final ChangeRecovery recovery;
    private final SpaceDrops drops;
    private final ChangeRecorder recorder;
    private final WriteFaults faults;
    private final MergeGuard guard = new MergeGuard();
    private volatile boolean closed;

    /** How often the changes a killed server left inside entity documents are looked for (and at open). */
    static final Duration RECOVERY_EVERY = Duration.ofSeconds(10);

    private OpenSearchEntityStore(OpenSearchClient client, IndexNames names, Duration recoveryEvery, WriteFaults faults) {
        this.faults = faults;
        this.indices = new EntityIndices(client, names);
        this.documents = new EntityDocuments(client, indices);
        this.changes = new ChangesIndex(client, names);
        this.tombstones = new TombstoneDeletes(documents, changes, faults);
        this.recorder = new ChangeRecorder(changes);
        this.settings = new SettingsIndex(client, names);
        this.merges = new OptimisticMerge(documents, new RecordWithSettings(client, indices, documents, settings), guard,
                changes, recorder, tombstones, faults);
        this.bulks = new BulkWriter(client, indices, documents, guard, changes, tombstones, faults);
        this.scans = new IdOrderScan(client, indices);
        this.prunedMark = new PrunedMark(client, settings);
        this.pruning = new ChangePruning(client, names, prunedMark);
        this.leases = new SpaceLeases(client, settings);
        this.recovery = new ChangeRecovery(client, indices, settings, changes, tombstones, recoveryEvery);
        this.drops = new SpaceDrops(client, indices, scans, changes, new DropMarks(client, settings), leases, faults,
                recoveryEvery);
    }

    /**
     * Checks that the cluster answers (with these credentials). Indices are created by the first write
     * that needs them.
     *
     * @throws StoreOpenException with one line naming the cluster when it does not answer or refuses
     */
    public static OpenSearchEntityStore open(OpenSearchConnection connection, IndexNames names) {
        return open(connection, names, RECOVERY_EVERY, WriteFaults.NONE);
    }

    /**
     * As {@link #open(OpenSearchConnection, IndexNames)}, for tests: looking for changes left by a killed server
     * this often ({@link Duration#ZERO}: only when asked), writes cut short where {@code faults} says.
     */
    static OpenSearchEntityStore open(OpenSearchConnection connection, IndexNames names, Duration recoveryEvery,
                                      WriteFaults faults) {
        OpenSearchClient client = connection.client();
        try {
            client.info();
        } catch (IOException | OpenSearchException e) {
            throw new StoreOpenException("OpenSearch at " + connection.url() + " does not answer: " + reason(e), e);
        }
        return new OpenSearchEntityStore(client, names, recoveryEvery, faults);
    }

    @Override
    public List<String> spacesWithEntities() {
        checkOpen();
        return indices.spaces();
    }

    @Override
    public Optional<StoredEntity> get(String space, String id) {
        checkOpen();
        return documents.get(name(space, "space"), name(id, "id")).map(VersionedRecord::entity);
    }

    /** One realtime {@code _mget}. */
    @Override
    public Map<String, StoredEntity> getAll(String space, List<String> ids) {
        checkOpen();
        ids.forEach(id -> name(id, "id"));
        Map<String, VersionedRecord> stored = documents.getAll(name(space, "space"), ids);
        Map<String, StoredEntity> found = new java.util.LinkedHashMap<>();
        for (String id : ids) {
            VersionedRecord record = stored.get(id);
            if (record != null) {
                found.put(id, record.entity());
            }
        }
        return found;
    }

    /** {@code op_type=create} carrying the create's change; a tombstone in the way is finished first. */
    @Override
    public CreateOutcome create(String space, String id, ObjectNode source) {
        checkWrite();
        name(space, "space");
        name(id, "id");
        Objects.requireNonNull(source, "source");
        String what = "the create of " + id + " was not applied";
        for (int attempt = 0; attempt < Backoff.MAX_ATTEMPTS; attempt++) {
            if (attempt > 0) {
                Backoff.pause(attempt, what);
            }
            CarriedChange change = ChangeDrafts.written(space, Optional.empty(), id, source);
            Optional<StoredEntity> created = documents.create(space, id, source, List.of(change));
            if (created.isPresent()) {
                faults.reached(WriteFaults.Step.WRITTEN);
                recorder.record(List.of(change.at(created.get().version(), source)), "the create of " + id);
                return CreateOutcome.CREATED;
            }
            Optional<VersionedRecord> existing = documents.get(space, id);
            if (existing.isPresent() && !existing.get().tombstone()) {
                return CreateOutcome.ALREADY_EXISTS;
            }
            existing.ifPresent(tombstone -> tombstones.finish(space, tombstone));
        }
        throw Backoff.gaveUp(what);
    }

    @Override
    public MergeOutcome merge(String space, String id, EntityMerge merge) {
        checkWrite();
        return merges.merge(name(space, "space"), name(id, "id"), Objects.requireNonNull(merge, "merge"));
    }

    /** The record and the settings read in one {@code _mget} ({@link RecordWithSettings}), for every attempt. */
    @Override
    public MergeOutcome merge(String space, String id, SettingCheck check, EntityMerge merge) {
        checkWrite();
        check.keys().forEach(key -> name(key, "key"));
        return merges.merge(name(space, "space"), name(id, "id"), check, Objects.requireNonNull(merge, "merge"));
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
    public boolean delete(String space, String id, Consumer<StoredEntity> precondition) {
        checkWrite();
        Objects.requireNonNull(precondition, "precondition");
        name(space, "space");
        name(id, "id");
        String what = "the delete of " + id + " was not applied";
        for (int attempt = 0; attempt < Backoff.MAX_ATTEMPTS; attempt++) {
            if (attempt > 0) {
                Backoff.pause(attempt, what);
            }
            Optional<VersionedRecord> current = documents.get(space, id);
            if (current.isEmpty()) {
                return false;
            }
            if (current.get().tombstone()) {
                tombstones.finish(space, current.get()); // deleted already, by a write not finished
                return false;
            }
            // Asked of the record read: the delete below applies only if it is still that record.
            precondition.accept(current.get().entity());
            if (tombstones.delete(space, current.get())) {
                return true;
            }
        }
        throw Backoff.gaveUp(what);
    }

    /**
     * Records each record's delete (after the changes its document carries), then drops the index, under a
     * mark that has a drop cut short finished later ({@link SpaceDrops}).
     */
    @Override
    public long deleteAll(String space) {
        checkWrite();
        return drops.drop(name(space, "space"));
    }

    @Override
    public EntityPage scan(String space, String afterId, int limit) {
        checkOpen();
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        return scans.page(name(space, "space"), afterId, limit);
    }

    /** First writes what the record's document carries and the changes index may lack: history reads its writes. */
    @Override
    public HistoryPage changes(String space, String id, HistoryQuery query) {
        checkOpen();
        name(space, "space");
        name(id, "id");
        documents.get(space, id).ifPresent(record -> {
            if (record.tombstone()) {
                tombstones.finish(space, record);
            } else {
                changes.create(changes.unrecorded(record.carried()), "the write of " + id);
            }
        });
        recorder.flush();
        return changes.changes(space, id, query);
    }

    @Override
    public FeedPage since(String space, long afterSeq, int size, Set<String> entityTypes) {
        checkOpen();
        recorder.flush(); // the feed shows every write this server answered before
        return changes.since(name(space, "space"), afterSeq, size, Set.copyOf(entityTypes));
    }

    @Override
    public long prune(String space, long beforeMillis, int keepVersions) {
        checkOpen();
        recorder.flush(); // retention sees the changes of every write this server answered
        return pruning.prune(name(space, "space"), beforeMillis, keepVersions);
    }

    @Override
    public long prunedThrough(String space) {
        checkOpen();
        return prunedMark.get(name(space, "space"));
    }

    @Override
    public Optional<ObjectNode> getSetting(String space, String key) {
        checkOpen();
        return settings.get(name(space, "space"), name(key, "key"));
    }

    /**
     * Also creates the space's entity index: a space gets it when installed, as in Kibana. Asked of the
     * cluster, not of the cache of indices: another server may have dropped it (settings writes are rare).
     */
    @Override
    public void putSetting(String space, String key, ObjectNode value) {
        checkWrite();
        settings.put(name(space, "space"), name(key, "key"), Objects.requireNonNull(value, "value"));
        indices.forget(space);
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

    /** Other servers may share the cluster (same index prefix): nothing read may be kept as current. */
    @Override
    public boolean sharedAcrossProcesses() {
        return true;
    }

    /** Holding the space's lease ({@link SpaceLeases}), which every server on the cluster respects. */
    @Override
    public <T> T exclusively(String space, Supplier<T> change) {
        checkWrite();
        return leases.exclusively(name(space, "space"), Objects.requireNonNull(change, "change"));
    }

    /**
     * One pass of the recovery now (it also runs at open and every {@link #RECOVERY_EVERY}).
     *
     * @return how many changes it wrote or tombstones it finished
     */
    long recoverCarriedChanges() {
        checkOpen();
        return recovery.run();
    }

    /**
     * One pass of the roll-forward of drops cut short now (it also runs at open and every {@link #RECOVERY_EVERY}).
     *
     * @return how many marks of drops it settled
     */
    long rollForwardDrops() {
        checkOpen();
        return drops.rollForward();
    }

    /** Waits until the changes of the writes this store answered are in the changes index (or left to the recovery). */
    void awaitRecordedChanges() {
        recorder.flush();
    }

    @Override
    public List<String> spaces() {
        checkOpen();
        return settings.spaces();
    }

    /** Refuses later calls; requests in flight finish on their own (each is one synchronous call). */
    @Override
    public void close() {
        closed = true;
        recorder.close();
        recovery.close();
        drops.close();
        leases.close();
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
