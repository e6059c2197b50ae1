package dev.entitystore.store.opensearch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.store.BulkOperation;
import dev.entitystore.domain.store.StoredEntity;
import dev.entitystore.domain.store.ItemOutcome;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The port's bulk on OpenSearch: read every named record at once ({@code _mget}), apply the items in memory
 * in order ({@link RecordPlan}), then write each touched record once in one {@code _bulk}, each write
 * conditional on the state read. Records whose write met a conflict (another writer came in between) are
 * read and planned again, the others stay written; so every record's items apply atomically and none
 * overwrites a concurrent write.
 *
 * <p>A record whose first item is a merge carrying the caller's read of it, term included
 * ({@link BulkOperation#merge(StoredEntity, dev.entitystore.domain.store.EntityMerge)}), is planned from that
 * read instead of being read again: its conditional write holds just as well against it, and a change since
 * is a conflict like any other. Only a plan that writes nothing has no write to hold it; such a record is
 * read and planned again, so what the items were shown is what the store held.
 *
 * <p>What it cannot do is make the whole bulk atomic: a failure after some records were written leaves
 * them written, and the {@code StoreUnavailableException} names how many and which were not.
 */
final class BulkWriter {
    private static final int NAMED_IN_MESSAGE = 5;
    private static final Logger LOG = LoggerFactory.getLogger(BulkWriter.class);

    private final OpenSearchClient client;
    private final EntityIndices indices;
    private final EntityDocuments documents;
    private final MergeGuard guard;
    private final ChangesIndex changes;
    private final TombstoneDeletes tombstones;
    private final WriteFaults faults;

    BulkWriter(OpenSearchClient client, EntityIndices indices, EntityDocuments documents, MergeGuard guard,
               ChangesIndex changes, TombstoneDeletes tombstones, WriteFaults faults) {
        this.faults = faults;
        this.client = client;
        this.indices = indices;
        this.documents = documents;
        this.guard = guard;
        this.changes = changes;
        this.tombstones = tombstones;
    }

    List<ItemOutcome> bulk(String space, List<BulkOperation> items) {
        Map<String, List<Integer>> positionsById = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            positionsById.computeIfAbsent(items.get(i).id(), id -> new ArrayList<>()).add(i);
        }
        ItemOutcome[] outcomes = new ItemOutcome[items.size()];
        List<String> pending = new ArrayList<>(positionsById.keySet());
        int written = 0;
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            if (attempt >= Backoff.MAX_ATTEMPTS) {
                throw Backoff.gaveUp(notApplied(pending, written));
            }
            if (attempt > 0) {
                Backoff.pause(attempt, notApplied(pending, written));
            }
            List<RecordPlan> plans = attempt == 0
                    ? planFromCarriedReads(space, pending, items, positionsById)
                    : plan(space, pending, items, positionsById);
            Round round = write(space, plans, outcomes, written);
            written += round.written();
            pending = round.retry();
        }
        return Arrays.asList(outcomes);
    }

    private record Round(int written, List<String> retry) {
    }

    /** Plans for {@code ids}, each from the record as the store holds it now (one {@code _mget}). */
    private List<RecordPlan> plan(String space, List<String> ids, List<BulkOperation> items,
                                  Map<String, List<Integer>> positionsById) {
        Map<String, VersionedRecord> stored = documents.getAll(space, ids);
        List<RecordPlan> plans = new ArrayList<>(ids.size());
        for (String id : ids) {
            Optional<VersionedRecord> record = Optional.ofNullable(stored.get(id));
            if (record.isPresent() && record.get().tombstone()) {
                tombstones.finish(space, record.get()); // a delete written but not finished: done now
                record = Optional.empty();
            }
            plans.add(RecordPlan.plan(id, record, items, positionsById.get(id), guard));
        }
        return plans;
    }

    /**
     * Plans for {@code ids}, from the caller's read where the record's first item carries one and from the
     * store otherwise; a plan from a carried read that writes nothing, or whose merge threw, is made again
     * from the store (as the embedded store's writer runs such a merge again on the record it finds).
     */
    private List<RecordPlan> planFromCarriedReads(String space, List<String> ids, List<BulkOperation> items,
                                                  Map<String, List<Integer>> positionsById) {
        RecordPlan[] plans = new RecordPlan[ids.size()];
        List<String> unread = new ArrayList<>();
        List<Integer> unreadAt = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            Optional<VersionedRecord> carried = carriedRead(space, items.get(positionsById.get(id).get(0)));
            if (carried.isPresent() && !carried.get().tombstone()) {
                plans[i] = planOrNull(id, carried, items, positionsById.get(id));
            }
            if (plans[i] == null || plans[i].write() == RecordPlan.Write.NONE) {
                unread.add(id);
                unreadAt.add(i);
            }
        }
        if (!unread.isEmpty()) {
            List<RecordPlan> read = plan(space, unread, items, positionsById);
            for (int j = 0; j < read.size(); j++) {
                plans[unreadAt.get(j)] = read.get(j);
            }
        }
        return Arrays.asList(plans);
    }

    /** Null where a merge throws on the carried read: the record as stored decides whether it fails. */
    private RecordPlan planOrNull(String id, Optional<VersionedRecord> carried, List<BulkOperation> items,
                                  List<Integer> positions) {
        try {
            return RecordPlan.plan(id, carried, items, positions, guard);
        } catch (RuntimeException shownAStaleRead) {
            return null;
        }
    }

    private Optional<VersionedRecord> carriedRead(String space, BulkOperation item) {
        return item instanceof BulkOperation.Merge merge
                ? merge.read().flatMap(read -> documents.asRead(space, read))
                : Optional.empty();
    }

    /** One {@code _bulk} of the plans' writes; fills the outcomes of the records written or left alone. */
    private Round write(String space, List<RecordPlan> plans, ItemOutcome[] outcomes, int writtenBefore) {
        List<org.opensearch.client.opensearch.core.bulk.BulkOperation> operations = new ArrayList<>();
        List<RecordPlan> sent = new ArrayList<>();
        List<List<CarriedChange>> carriedBySent = new ArrayList<>();
        for (RecordPlan plan : plans) {
            if (plan.write() == RecordPlan.Write.NONE) {
                plan.outcomes(-1, 0, StoredEntity.NO_TERM, outcomes);
                continue;
            }
            List<CarriedChange> carried = new ArrayList<>(
                    plan.stored().map(r -> changes.unrecorded(r.carried())).orElse(List.of()));
            carried.add(change(space, plan));
            operations.add(operation(plan, CarriedChange.embed(written(plan), carried)));
            sent.add(plan);
            carriedBySent.add(carried);
        }
        if (operations.isEmpty()) {
            return new Round(0, List.of());
        }
        indices.ensure(space);
        BulkResponse response;
        try {
            response = client.bulk(b -> b.index(indices.name(space)).operations(operations));
        } catch (OpenSearchException | IOException e) {
            String text = notApplied(ids(sent), writtenBefore);
            Optional<ClusterError> refused = ClusterError.of(e);
            if (refused.isPresent()) {
                throw BackendFailures.partly("OpenSearch refused the bulk (" + BackendFailures.describe(refused.get()) + "): "
                        + text, e);
            }
            IOException io = (IOException) e;
            throw BackendFailures.partly("OpenSearch is unavailable (" + BackendFailures.wireReason(io) + "): "
                    + (BackendFailures.wasSent(io) ? text.replace("were not applied", "may not have been applied") : text), e);
        }
        int written = 0;
        List<CarriedChange> recorded = new ArrayList<>();
        List<VersionedRecord> deleted = new ArrayList<>();
        List<String> retry = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        String firstFailure = null;
        for (int i = 0; i < sent.size(); i++) {
            RecordPlan plan = sent.get(i);
            BulkResponseItem item = response.items().get(i);
            if (item.error() == null) {
                long seqNo = item.seqNo() == null ? -1 : item.seqNo();
                long version = item.version() == null ? 0 : item.version();
                long term = item.primaryTerm() == null ? StoredEntity.NO_TERM : item.primaryTerm();
                plan.outcomes(seqNo, version, term, outcomes);
                List<CarriedChange> carried = carriedBySent.get(i);
                recorded.addAll(carried.subList(0, carried.size() - 1));
                CarriedChange own = carried.get(carried.size() - 1).at(version, plan.finalState());
                recorded.add(own);
                if (plan.write() == RecordPlan.Write.DELETE) {
                    List<CarriedChange> tombstoneCarries = new ArrayList<>(carried.subList(0, carried.size() - 1));
                    tombstoneCarries.add(own);
                    deleted.add(new VersionedRecord(new StoredEntity(plan.id(), written(plan), seqNo, version, term), term,
                            tombstoneCarries));
                }
                written++;
            } else if (item.status() == 409) {
                retry.add(plan.id());
            } else if (BackendFailures.isIndexMissing(item.error())) {
                // dropped behind our cache: created again before the next round
                indices.forget(space);
                retry.add(plan.id());
            } else {
                failed.add(plan.id());
                firstFailure = firstFailure == null ? item.status() + " " + BackendFailures.reason(item.error()) : firstFailure;
            }
        }
        // Before anything else can fail: these records are written, their changes must follow.
        faults.reached(WriteFaults.Step.WRITTEN);
        changes.create(recorded, written + " records of the bulk");
        faults.reached(WriteFaults.Step.RECORDED);
        removeTombstones(space, deleted);
        if (!failed.isEmpty()) {
            failed.addAll(retry);
            throw BackendFailures.partly("OpenSearch refused records of the bulk (" + firstFailure + "): "
                    + notApplied(failed, writtenBefore + written), null);
        }
        return new Round(written, retry);
    }

    /** A record's write carrying its changes; a delete is written as its tombstone ({@link TombstoneDeletes}). */
    private static org.opensearch.client.opensearch.core.bulk.BulkOperation operation(RecordPlan plan, ObjectNode document) {
        if (plan.write() == RecordPlan.Write.CREATE) {
            return org.opensearch.client.opensearch.core.bulk.BulkOperation.of(o -> o.create(c -> c
                    .id(plan.id()).document(document)));
        }
        VersionedRecord stored = plan.stored().orElseThrow();
        return org.opensearch.client.opensearch.core.bulk.BulkOperation.of(o -> o.index(x -> x
                .id(plan.id()).document(document).ifSeqNo(stored.seqNo()).ifPrimaryTerm(stored.primaryTerm())));
    }

    /** What the record's document holds after the write: a delete's tombstone holds the record as it was. */
    private static ObjectNode written(RecordPlan plan) {
        return plan.write() == RecordPlan.Write.DELETE ? plan.stored().orElseThrow().entity().source() : plan.finalState();
    }

    /** The change of one record's write: its items' net effect, one change per write as one version per write. */
    private static CarriedChange change(String space, RecordPlan plan) {
        Optional<StoredEntity> before = plan.stored().map(VersionedRecord::entity);
        if (plan.write() == RecordPlan.Write.DELETE) {
            return ChangeDrafts.deleted(space, before.orElseThrow());
        }
        return ChangeDrafts.written(space, before, plan.id(), plan.finalState());
    }

    /**
     * The tombstones of the bulk's deletes, removed now that their changes are written: one more {@code _bulk},
     * conditional on each tombstone. One this fails to remove (gone already, or the call failed) is finished by
     * whoever meets it next; the deletes are made either way.
     */
    private void removeTombstones(String space, List<VersionedRecord> deleted) {
        if (deleted.isEmpty()) {
            return;
        }
        List<org.opensearch.client.opensearch.core.bulk.BulkOperation> operations = new ArrayList<>();
        for (VersionedRecord tombstone : deleted) {
            operations.add(org.opensearch.client.opensearch.core.bulk.BulkOperation.of(o -> o.delete(d -> d
                    .id(tombstone.id()).ifSeqNo(tombstone.seqNo()).ifPrimaryTerm(tombstone.primaryTerm()))));
        }
        try {
            client.bulk(b -> b.index(indices.name(space)).operations(operations));
        } catch (OpenSearchException | IOException e) {
            LOG.warn("The tombstones of {} deletes in space {} were not removed ({}); whoever meets them next finishes them",
                    deleted.size(), space, e.toString());
        }
    }

    private static List<String> ids(List<RecordPlan> plans) {
        return plans.stream().map(RecordPlan::id).toList();
    }

    /** E.g. "3 records of the bulk were written, 2 were not applied: a, b". */
    private static String notApplied(List<String> ids, int written) {
        String named = String.join(", ", ids.subList(0, Math.min(NAMED_IN_MESSAGE, ids.size())))
                + (ids.size() > NAMED_IN_MESSAGE ? ", ..." : "");
        return written + " records of the bulk were written, " + ids.size() + " were not applied: " + named;
    }
}
