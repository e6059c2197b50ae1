package dev.entitystore.store.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.history.EntityChange;
import dev.entitystore.domain.history.FeedPage;
import dev.entitystore.domain.history.HistoryPage;
import dev.entitystore.domain.history.HistoryQuery;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;
import org.opensearch.client.opensearch.core.search.Hit;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;

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

    private static final ObjectMapper JSON = new ObjectMapper();

    private final OpenSearchClient client;
    private final String index;
    private volatile boolean exists;

    ChangesIndex(OpenSearchClient client, IndexNames names) {
        this.client = client;
        this.index = names.changes();
    }

    /**
     * Writes the changes of writes already made, durable when it returns but not waiting for a refresh:
     * the entity write before it already waited for one, and waiting again for this index's own refresh
     * doubled each write's latency. {@link #changes} refreshes the index before it searches instead, so a
     * history read after a write still sees it. A document's id is derived from the write it records, so
     * writing it again replaces it.
     *
     * @param changes each at the {@code _seq_no} of the entity write it records (only its id uses it; the
     *                change's own seq is the {@code _seq_no} its document gets here)
     */
    void record(List<EntityChange> changes, String what) {
        if (changes.isEmpty()) {
            return;
        }
        ensure();
        List<BulkOperation> operations = new ArrayList<>(changes.size());
        for (EntityChange change : changes) {
            ObjectNode document = document(change);
            String id = change.space().length() + ":" + change.space() + ":" + change.id() + ":" + change.seq() + ":"
                    + change.version() + ":" + change.timeMillis();
            operations.add(BulkOperation.of(o -> o.index(i -> i.id(id).document(document))));
        }
        String failed = "OpenSearch did not record the changes of " + what + ", which " + (changes.size() == 1 ? "was" : "were")
                + " written";
        try {
            BulkResponse response = client.bulk(b -> b.index(index).operations(operations));
            for (BulkResponseItem item : response.items()) {
                if (item.error() != null) {
                    throw BackendFailures.partly(failed + ": " + item.status() + " " + BackendFailures.reason(item.error()), null);
                }
            }
        } catch (OpenSearchException | IOException e) {
            throw BackendFailures.partly(failed + ": " + e.getMessage(), e);
        }
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
            return new FeedPage(changes, through);
        } catch (OpenSearchException | IOException e) {
            if (BackendFailures.isIndexMissing(e)) {
                return new FeedPage(List.of(), afterSeq);
            }
            throw BackendFailures.failure("the read of the change feed of space " + space, e);
        }
    }

    /** The lowest local checkpoint of the shard's copies: -1 while the index is missing or empty. */
    private long checkpoint() throws IOException {
        try (Response response = client.generic().execute(Requests.builder().method("GET")
                .endpoint("/" + index + "/_stats/docs").query(Map.of("level", "shards")).build())) {
            if (response.getStatus() == 404) {
                return -1;
            }
            String body = response.getBody().map(b -> b.bodyAsString()).orElse("{}");
            if (response.getStatus() != 200) {
                throw BackendFailures.partly("OpenSearch refused the request (" + response.getStatus()
                        + "): the read of the changes index's checkpoint failed: "
                        + body.substring(0, Math.min(200, body.length())), null);
            }
            long lowest = Long.MAX_VALUE;
            for (JsonNode copy : JSON.readTree(body).path("indices").path(index).path("shards").path("0")) {
                lowest = Math.min(lowest, copy.path("seq_no").path("local_checkpoint").asLong(-1));
            }
            return lowest == Long.MAX_VALUE ? -1 : lowest;
        }
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

    private static ObjectNode document(EntityChange change) {
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
