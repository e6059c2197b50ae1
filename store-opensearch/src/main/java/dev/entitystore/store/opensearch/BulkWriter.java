package dev.entitystore.store.opensearch;

import dev.entitystore.domain.history.EntityChange;
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

/**
 * The port's bulk on OpenSearch: read every named record at once ({@code _mget}), apply the items in memory
 * in order ({@link RecordPlan}), then write each touched record once in one {@code _bulk}, each write
 * conditional on the state read. Records whose write met a conflict (another writer came in between) are
 * read and planned again, the others stay written; so every record's items apply atomically and none
 * overwrites a concurrent write.
 *
 * <p>What it cannot do is make the whole bulk atomic: a failure after some records were written leaves
 * them written, and the {@code StoreUnavailableException} names how many and which were not.
 */
final class BulkWriter {
    private static final int NAMED_IN_MESSAGE = 5;

    private final OpenSearchClient client;
    private final EntityIndices indices;
    private final EntityDocuments documents;
    private final MergeGuard guard;
    private final ChangesIndex changes;

    BulkWriter(OpenSearchClient client, EntityIndices indices, EntityDocuments documents, MergeGuard guard,
               ChangesIndex changes) {
        this.client = client;
        this.indices = indices;
        this.documents = documents;
        this.guard = guard;
        this.changes = changes;
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
            Map<String, VersionedRecord> stored = documents.getAll(space, pending);
            List<RecordPlan> plans = new ArrayList<>(pending.size());
            for (String id : pending) {
                plans.add(RecordPlan.plan(id, Optional.ofNullable(stored.get(id)), items, positionsById.get(id), guard));
            }
            Round round = write(space, plans, outcomes, written);
            written += round.written();
            pending = round.retry();
        }
        return Arrays.asList(outcomes);
    }

    private record Round(int written, List<String> retry) {
    }

    /** One {@code _bulk} of the plans' writes; fills the outcomes of the records written or left alone. */
    private Round write(String space, List<RecordPlan> plans, ItemOutcome[] outcomes, int writtenBefore) {
        List<org.opensearch.client.opensearch.core.bulk.BulkOperation> operations = new ArrayList<>();
        List<RecordPlan> sent = new ArrayList<>();
        for (RecordPlan plan : plans) {
            var operation = operation(plan);
            if (operation == null) {
                plan.outcomes(-1, 0, outcomes);
            } else {
                operations.add(operation);
                sent.add(plan);
            }
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
        List<EntityChange> recorded = new ArrayList<>();
        List<String> retry = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        String firstFailure = null;
        for (int i = 0; i < sent.size(); i++) {
            RecordPlan plan = sent.get(i);
            BulkResponseItem item = response.items().get(i);
            if (item.error() == null) {
                long seqNo = item.seqNo() == null ? -1 : item.seqNo();
                long version = item.version() == null ? 0 : item.version();
                plan.outcomes(seqNo, version, outcomes);
                recorded.add(change(space, plan, seqNo, version));
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
        changes.record(recorded, written + " records of the bulk");
        if (!failed.isEmpty()) {
            failed.addAll(retry);
            throw BackendFailures.partly("OpenSearch refused records of the bulk (" + firstFailure + "): "
                    + notApplied(failed, writtenBefore + written), null);
        }
        return new Round(written, retry);
    }

    private static org.opensearch.client.opensearch.core.bulk.BulkOperation operation(RecordPlan plan) {
        return switch (plan.write()) {
            case NONE -> null;
            case CREATE -> org.opensearch.client.opensearch.core.bulk.BulkOperation.of(o -> o.create(c -> c
                    .id(plan.id()).document(plan.finalState())));
            case REPLACE -> org.opensearch.client.opensearch.core.bulk.BulkOperation.of(o -> o.index(x -> x
                    .id(plan.id()).document(plan.finalState())
                    .ifSeqNo(plan.stored().orElseThrow().seqNo()).ifPrimaryTerm(plan.stored().orElseThrow().primaryTerm())));
            case DELETE -> org.opensearch.client.opensearch.core.bulk.BulkOperation.of(o -> o.delete(d -> d
                    .id(plan.id())
                    .ifSeqNo(plan.stored().orElseThrow().seqNo()).ifPrimaryTerm(plan.stored().orElseThrow().primaryTerm())));
        };
    }

    /** The change of one record's write: its items' net effect, one change per write as one version per write. */
    private static EntityChange change(String space, RecordPlan plan, long seqNo, long version) {
        Optional<StoredEntity> before = plan.stored().map(VersionedRecord::entity);
        if (plan.finalState() == null) {
            return ChangeDrafts.deleted(space, before.orElseThrow(), seqNo, version);
        }
        return ChangeDrafts.written(space, before, new StoredEntity(plan.id(), plan.finalState(), seqNo, version));
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
