package dev.entitystore.domain.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.error.StoreUnavailableException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.Consumer;

/**
 * The storage port: entity records (JSON objects keyed by space and {@code _id}) and per-space settings
 * (install state, engines). A store with a change sequence for an index to follow also implements
 * {@link ChangeFeed}.
 *
 * <p>Contract shared by every method:
 * <ul>
 *   <li>{@code space} is a namespace such as {@code default}; the same id in two spaces names two
 *       records. Spaces, ids and setting keys are non-empty strings.</li>
 *   <li>A write is durable and readable by every caller once its method returns.</li>
 *   <li>Business outcomes (exists, not found, no-op) are values. A failing backend throws
 *       {@link StoreUnavailableException}, and then nothing of that call was applied (for a bulk see
 *       {@link #bulk}; a remote backend that stopped answering after the request was sent says that the
 *       write may have been applied).</li>
 *   <li>Sources handed in belong to the store from then on; sources handed out are the receiver's own
 *       copies.</li>
 * </ul>
 */
public interface EntityStore extends AutoCloseable {

    /** The record, if present. */
    Optional<StoredEntity> get(String space, String id);

    /**
     * The records of {@code ids} that are present, by id (absent ids are left out): one read for many ids
     * where the backend has one (a request of a thousand ids should not pay a thousand round trips).
     */
    default Map<String, StoredEntity> getAll(String space, List<String> ids) {
        Map<String, StoredEntity> found = new LinkedHashMap<>();
        for (String id : ids) {
            get(space, id).ifPresent(stored -> found.put(id, stored));
        }
        return found;
    }

    /** Creates the record if absent; if present, writes nothing and says so. */
    CreateOutcome create(String space, String id, ObjectNode source);

    /**
     * Atomic read-merge-write of one record: reads it (or its absence), asks {@code merge} what to store
     * and stores it, with no other write to that record in between. Concurrent merges of one record all
     * apply, in some order, and never fail with a conflict. An exception thrown by {@code merge} is
     * rethrown here and nothing is written.
     */
    MergeOutcome merge(String space, String id, EntityMerge merge);

    /**
     * {@link #merge(String, String, EntityMerge)}, with the space's settings {@code check.keys()} read together
     * with the record and handed to {@code check.verify()} before {@code merge} is asked: a write that needs
     * its space installed (or its engine started) asks once for all (one request on a remote store, instead of
     * a read of each setting and then one of the record). Each read of the record (a store that reads it again
     * after a concurrent write does so for every attempt) reads the settings again and asks {@code verify}
     * again before asking {@code merge} with that record, so the write is never made on settings older than the
     * record it is conditional on, and {@code merge} may use what {@code verify} last saw. An
     * exception thrown by {@code verify} is rethrown and nothing is written. The default reads the settings,
     * then merges: right for a store whose reads are local.
     */
    default MergeOutcome merge(String space, String id, SettingCheck check, EntityMerge merge) {
        Map<String, ObjectNode> settings = new LinkedHashMap<>();
        for (String key : check.keys()) {
            getSetting(space, key).ifPresent(value -> settings.put(key, value));
        }
        check.verify().accept(settings);
        return merge(space, id, merge);
    }

    /**
     * Applies {@code operations} in order: an item sees the results of the items before it (also on the
     * same id). If an item's merge function throws, that exception is rethrown and nothing of the bulk is
     * applied. How much of a bulk a backend failure leaves applied depends on the adapter, and the
     * {@link StoreUnavailableException}'s message says it: the embedded store applies all items or none;
     * OpenSearch cannot make a bulk atomic and applies each record's items atomically, so the message names
     * the records that were written.
     *
     * @return one outcome per operation, in the same order
     */
    List<ItemOutcome> bulk(String space, List<BulkOperation> operations);

    /** Deletes the record; {@code false} if there was none. Leaves a tombstone in a {@link ChangeFeed}. */
    default boolean delete(String space, String id) {
        return delete(space, id, current -> { });
    }

    /**
     * Deletes the record once {@code precondition} has accepted it, with no other write to it in between
     * (HTTP's {@code If-Match}); an exception it throws is rethrown and nothing is deleted. {@code false} if
     * there was no record (the precondition is then not asked).
     */
    boolean delete(String space, String id, Consumer<StoredEntity> precondition);

    /**
     * Deletes every record of the space (uninstall with data); settings are kept, the caller deletes
     * those it owns. Leaves one {@link Change.Kind#SPACE_DELETED} tombstone in a {@link ChangeFeed}.
     *
     * @return how many records were deleted
     */
    long deleteAll(String space);

    /**
     * Records of a space ordered by id, for walking all of them (catch-up, tests); listing and search
     * go through the search index.
     *
     * @param afterId the last id of the previous page, or {@code null} to start
     * @param limit   page size, at least 1
     */
    EntityPage scan(String space, String afterId, int limit);

    /**
     * {@link #scan} without a parsed tree: each record as compact JSON bytes, for streaming records out as
     * they are (the export). The default writes what {@link #scan} parsed; a store that keeps JSON text
     * answers it as stored.
     */
    default StoredJson scanJson(String space, String afterId, int limit) {
        EntityPage page = scan(space, afterId, limit);
        List<StoredJson.Record> records = new ArrayList<>(page.entities().size());
        for (StoredEntity entity : page.entities()) {
            records.add(new StoredJson.Record(entity.id(), entity.source().toString().getBytes(StandardCharsets.UTF_8)));
        }
        return new StoredJson(records, page.nextAfterId());
    }

    /** A per-space setting, e.g. install state or an engine's configuration. */
    Optional<ObjectNode> getSetting(String space, String key);

    /** Stores (or replaces) a per-space setting. */
    void putSetting(String space, String key, ObjectNode value);

    /** Deletes a per-space setting; {@code false} if there was none. */
    boolean deleteSetting(String space, String key);

    /** Every setting of a space, by key, in key order. */
    Map<String, ObjectNode> settings(String space);

    /**
     * Whether other processes (other servers on one cluster) may write this store while this one runs.
     * Then nothing read from it may be kept between requests as the current state: another server may
     * have changed it since.
     */
    boolean sharedAcrossProcesses();

    /**
     * Runs {@code change}, an engine or installation change of the space, while no other process runs one
     * for the same space, and returns its result. The threads of this process are the caller's to
     * serialise. A store that only one process opens runs {@code change} at once.
     *
     * @throws StoreUnavailableException when the other process's change did not end in time; {@code change}
     *                                   did not run then
     */
    <T> T exclusively(String space, Supplier<T> change);

    /**
     * Every space that holds at least one setting (so every installed space), in name order: what a job over
     * all spaces walks, with {@link #scan} for the records of each.
     */
    List<String> spaces();

    /** Finishes the writes already accepted, then releases everything; later calls fail. Idempotent. */
    @Override
    void close();
}
