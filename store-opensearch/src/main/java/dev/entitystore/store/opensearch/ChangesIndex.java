package dev.entitystore.store.opensearch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.history.EntityChange;
import dev.entitystore.domain.history.FeedPage;
import dev.entitystore.domain.history.HistoryPage;
import dev.entitystore.domain.history.HistoryQuery;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.MgetResponse;
import org.opensearch.client.opensearch.core.mget.MultiGetResponseItem;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;
import org.opensearch.client.opensearch.core.search.Hit;

/**
 * The change records of every space in one index of one shard, so that the shard's {@code _seq_no} is the
 * store order of the changes: a change's {@code seq} is the {@code _seq_no} its document got. A document
 * holds {@link EntityChange#toJson} with {@code _id} kept as {@code recordId} (a metadata field's name
 * cannot be a source field), its time as {@code time} and the changed paths as {@code paths} (keywords,
 * for the {@code fields} filter); the field-level before/after is stored, not indexed.
 */
final class ChangesIndex {
    private static final String DEFINITION = """
            {
              "settings": { "index": { "number_of_shards": 1, "auto_expand_replicas": "0-1", "refresh_interval": "100ms" } },
              "mappings": {
                "dynamic": "strict",
                "properties": {
                  "seq": { "type": "long", "index": false },
                  "version": { "type": "long" },
                  "@timestamp": { "type": "date" },
                  "time": { "type": "long" },
                  "op": { "type": "keyword" },
                  "actor": { "properties": { "type": { "type": "keyword" }, "id": { "type": "keyword" } } },
                  "route": { "type": "keyword" },
                  "space": { "type": "keyword" },
                  "entityType": { "type": "keyword" },
                  "entityId": { "type": "keyword" },
                  "recordId": { "type": "keyword" },
                  "paths": { "type": "keyword" },
                  "fields": { "type": "object", "enabled": false }
                }
              }
            }""";


    /** Reads of a just-created index's changes before its primary has started: each after a wait for it. */
    private static final int SHARD_ATTEMPTS = 5;

    private final OpenSearchClient client;
    private final String index;
    private final RecordedChanges recorded = new RecordedChanges();
    private volatile boolean exists;

    ChangesIndex(OpenSearchClient client, IndexNames names) {
        this.client = client;
        this.index = names.changes();
    }

    /**
     * Writes changes carried by entity documents already written, in order, each under the id its nonce gives
     * and with {@code op_type=create}: one already there (written by someone else who found it carried) is
     * left as it is, so each change is written once and keeps its place in store order. Durable when it
     * returns, not waiting for a refresh ({@link #changes} refreshes first).
     */
    void create(List<CarriedChange> changes, String what) {
        if (changes.isEmpty()) {
            return;
        }
        ensure();
        List<BulkOperation> operations = new ArrayList<>(changes.size());
        for (CarriedChange change : changes) {
            ObjectNode document = change.completeDocument();
            String id = id(change);
            operations.add(BulkOperation.of(o -> o.create(c -> c.id(id).document(document))));
        }
        String failed = "OpenSearch did not record the changes of " + what + ", which " + (changes.size() == 1 ? "was" : "were")
                + " written";
        try {
            BulkResponse response = client.bulk(b -> b.index(index).operations(operations));
            for (BulkResponseItem item : response.items()) {
                if (item.error() != null && item.status() != 409) {
                    throw BackendFailures.partly(failed + ": " + item.status() + " " + BackendFailures.reason(item.error()), null);
                }
            }
        } catch (OpenSearchException | IOException e) {
            throw BackendFailures.partly(failed + ": " + e.getMessage(), e);
        }
        recorded.addAll(changes);
    }

    /**
     * Of the changes an entity document carries (oldest first), those that may not be in this index yet and
     * must therefore be carried by the next write of the record and written after it. Changes reach this
     * index in each record's order, and the newest change of a record is never pruned, so once one of them
     * is here, every one before it was written (and may since have been pruned: writing it again would
     * repeat it). Known ones are dropped without asking; when an unknown one is not the newest, the index is
     * asked which are there (a realtime {@code _mget}: only after a write that carried older changes).
     */
    List<CarriedChange> unrecorded(List<CarriedChange> carried) {
        int firstUnknown = recorded.firstUnknown(carried);
        if (firstUnknown >= carried.size()) {
            return List.of();
        }
        List<CarriedChange> suffix = carried.subList(firstUnknown, carried.size());
        boolean ask = false;
        for (int i = 0; i < suffix.size() - 1 && !ask; i++) {
            // One this process queued is written after every change it queued before, none of them pruned yet.
            ask = !recorded.isPending(suffix.get(i));
        }
        if (!ask) {
            return List.copyOf(suffix);
        }
        Set<String> present = present(suffix);
        int from = 0;
        for (int i = suffix.size() - 1; i >= 0; i--) {
            if (present.contains(id(suffix.get(i)))) {
                from = i + 1;
                break;
            }
        }
        recorded.addAll(suffix.subList(0, from));
        return List.copyOf(suffix.subList(from, suffix.size()));
    }

    /** Changes queued to be written by this process ({@link ChangeRecorder}). */
    void pending(List<CarriedChange> changes) {
        recorded.pending(changes);
    }

    /** Changes queued and then not written: no longer known to be coming. */
    void notPending(List<CarriedChange> changes) {
        recorded.notPending(changes);
    }

    private Set<String> present(List<CarriedChange> changes) {
        // The index may be being created by this process's change writer right now: until its primary has
        // started, a read of it fails with no_shard_available (seen in CI, once even after ensure() had
        // returned). ensure() waits for the primary; a read that still finds no shard waits again and retries.
        ensure();
        List<String> ids = changes.stream().map(ChangesIndex::id).toList();
        for (int attempt = 1; ; attempt++) {
            try {
                return presentOnce(ids);
            } catch (ShardNotReady e) {
                if (attempt >= SHARD_ATTEMPTS) {
                    throw BackendFailures.partly("OpenSearch could not read change " + e.id + " (" + e.reason + ")", null);
                }
                IndexCreation.awaitPrimaries(client, index);
                Backoff.pause(attempt, "the read of " + ids.size() + " recorded changes");
            } catch (IOException e) {
                throw BackendFailures.failure("the read of " + ids.size() + " recorded changes", e);
            }
        }
    }

    private Set<String> presentOnce(List<String> ids) throws IOException, ShardNotReady {
        try {
            MgetResponse<ObjectNode> response = client.mget(m -> m.index(index).ids(ids).source(s -> s.fetch(false)),
                    ObjectNode.class);
            Set<String> present = new HashSet<>();
            for (MultiGetResponseItem<ObjectNode> item : response.docs()) {
                if (item.isResult() && item.result().found()) {
                    present.add(item.result().id());
                } else if (item.isFailure() && !BackendFailures.isIndexMissing(item.failure().error())) {
                    String reason = BackendFailures.reason(item.failure().error());
                    if (BackendFailures.isShardUnavailable(item.failure().error())) {
                        throw new ShardNotReady(item.failure().id(), reason);
                    }
                    throw BackendFailures.partly("OpenSearch could not read change " + item.failure().id() + " (" + reason + ")", null);
                }
            }
            return present;
        } catch (OpenSearchException e) {
            if (BackendFailures.isIndexMissing(e)) {
                return Set.of();
            }
            if (BackendFailures.isShardUnavailable(e)) {
                throw new ShardNotReady(String.join(",", ids), e.getMessage());
            }
            throw BackendFailures.failure("the read of " + ids.size() + " recorded changes", e);
        }
    }

    /** A read that found the index's primary not started yet: worth waiting for and retrying. */
    private static final class ShardNotReady extends Exception {
        final String id;
        final String reason;

        ShardNotReady(String id, String reason) {
            super(reason, null, false, false);
            this.id = id;
            this.reason = reason;
        }
    }

    /** The change's document id: its record's and its own nonce, so writing it again finds it. */
    static String id(CarriedChange change) {
        String space = change.space();
        return space.length() + ":" + space + ":" + change.recordId() + ":" + change.nonce();
    }

    /**
     * One record's changes, newest first (by {@code _seq_no}), every filter in the query. Refreshes the
     * index first (changes are written without waiting for a refresh): history reads are rare beside
     * writes, and a refresh with nothing new to publish costs little.
     */
    HistoryPage changes(String space, String id, HistoryQuery query) {
        List<Query> filters = new ArrayList<>();
        filters.add(term("space", space));
        filters.add(term("recordId", id));
        if (query.beforeSeq() != null) {
            filters.add(Query.of(q -> q.range(r -> r.field("_seq_no").lt(JsonData.of(query.beforeSeq())))));
        }
        if (query.fromMillis() != null || query.toMillis() != null) {
            filters.add(Query.of(q -> q.range(r -> {
                r.field("time");
                if (query.fromMillis() != null) {
                    r.gte(JsonData.of(query.fromMillis()));
                }
                if (query.toMillis() != null) {
                    r.lte(JsonData.of(query.toMillis()));
                }
                return r;
            })));
        }
        if (!query.fields().isEmpty()) {
            List<Query> paths = new ArrayList<>();
            for (String path : query.fields()) {
                paths.add(term("paths", path));
                paths.add(Query.of(q -> q.prefix(p -> p.field("paths").value(path + "."))));
            }
            filters.add(Query.of(q -> q.bool(b -> b.should(paths).minimumShouldMatch("1"))));
        }
        try {
            client.indices().refresh(r -> r.index(index));
            SearchResponse<ObjectNode> response = client.search(s -> s.index(index).size(query.size()).seqNoPrimaryTerm(true)
                    .query(q -> q.bool(b -> b.filter(filters)))
                    .sort(o -> o.field(f -> f.field("_seq_no").order(SortOrder.Desc))), ObjectNode.class);
            List<EntityChange> changes = new ArrayList<>();
            for (Hit<ObjectNode> hit : response.hits().hits()) {
                changes.add(change(hit.source(), hit.seqNo()));
            }
            return HistoryPage.of(changes, query.size());
        } catch (OpenSearchException | IOException e) {
            if (BackendFailures.isIndexMissing(e)) {
                return HistoryPage.of(List.of(), query.size());
            }
            throw BackendFailures.failure("the read of the history of " + id, e);
        }
    }

    /**
     * A space's changes after {@code afterSeq}, oldest first. Writers index concurrently, so a change may
     * become searchable before one with a lower {@code _seq_no}; only changes up to the shard's local
     * checkpoint (every operation below it is processed on every copy) are answered, after a refresh that
     * makes them all searchable, so a follower never skips one.
     */
    FeedPage since(String space, long afterSeq, int size, Set<String> entityTypes) {
        try {
            long checkpoint = checkpoint();
            if (checkpoint <= afterSeq) {
                return new FeedPage(List.of(), afterSeq);
            }
            client.indices().refresh(r -> r.index(index));
            List<Query> filters = new ArrayList<>();
            filters.add(term("space", space));
            filters.add(Query.of(q -> q.range(r -> r.field("_seq_no").gt(JsonData.of(afterSeq)).lte(JsonData.of(checkpoint)))));
            if (!entityTypes.isEmpty()) {
                List<FieldValue> types = entityTypes.stream().map(FieldValue::of).toList();
                filters.add(Query.of(q -> q.terms(t -> t.field("entityType").terms(v -> v.value(types)))));
            }
            SearchResponse<ObjectNode> response = client.search(s -> s.index(index).size(size).seqNoPrimaryTerm(true)
                    .query(q -> q.bool(b -> b.filter(filters)))
                    .sort(o -> o.field(f -> f.field("_seq_no").order(SortOrder.Asc))), ObjectNode.class);
            List<EntityChange> changes = new ArrayList<>();
            for (Hit<ObjectNode> hit : response.hits().hits()) {
                changes.add(change(hit.source(), hit.seqNo()));
            }
            long through = changes.size() == size ? changes.get(changes.size() - 1).seq() : checkpoint;
            return FeedPage.of(changes, through);
        } catch (OpenSearchException | IOException e) {
            if (BackendFailures.isIndexMissing(e)) {
                return new FeedPage(List.of(), afterSeq);
            }
            throw BackendFailures.failure("the read of the change feed of space " + space, e);
        }
    }

    private long checkpoint() throws IOException {
        return ShardCheckpoint.of(client, index, "the changes index's checkpoint").checkpoint();
    }

    private void ensure() {
        if (!exists) {
            IndexCreation.createIfAbsent(client, index, DEFINITION, "the creation of the changes index");
            exists = true;
        }
    }

    private static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(FieldValue.of(value))));
    }

    /** The changes index's document of {@code change} (its {@code seq} is the {@code _seq_no} it gets). */
    static ObjectNode document(EntityChange change) {
        ObjectNode document = change.toJson();
        document.remove("seq");
        document.set("recordId", document.remove("_id"));
        document.put("time", change.timeMillis());
        var paths = document.putArray("paths");
        Iterator<String> names = change.fields().fieldNames();
        names.forEachRemaining(paths::add);
        return document;
    }

    private static EntityChange change(ObjectNode document, long seq) {
        document.set("_id", document.remove("recordId"));
        return EntityChange.fromJson(document, seq);
    }
}
