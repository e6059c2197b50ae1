package dev.entitystore.store.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.exceptionlist.EndpointListItems;
import dev.entitystore.domain.exceptionlist.ExceptionListStore;
import dev.entitystore.domain.exceptionlist.ListObjectVersion;
import dev.entitystore.domain.exceptionlist.ListWrite;
import dev.entitystore.domain.exceptionlist.StoredListObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.OpType;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch._types.Result;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.GetResponse;
import org.opensearch.client.opensearch.core.IndexResponse;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Hit;

/**
 * The OpenSearch {@link ExceptionListStore}: one index, {@code <prefix>exception-lists}, a document per
 * list or item under its own id. The attributes are stored, not indexed (the few items of a list are
 * filtered by the domain); {@code list_type}, {@code list_id} and {@code item_id} are keywords to find
 * them by. Versions are the cluster's {@code _seq_no}/{@code _primary_term} and writes are conditional
 * on them ({@code op_type=create} for a new object). Every write refreshes the index before it answers
 * ({@code refresh=true}: writes are rare, and waiting for the periodic refresh would cost each one up to a
 * second), so a search made after it sees it.
 */
public final class OpenSearchExceptionListStore implements ExceptionListStore {
    private static final String DEFINITION = """
            {
              "settings": { "index": { "number_of_shards": 1, "auto_expand_replicas": "0-1", "refresh_interval": "1s" } },
              "mappings": {
                "dynamic": "strict",
                "properties": {
                  "list_type": { "type": "keyword" },
                  "list_id": { "type": "keyword" },
                  "item_id": { "type": "keyword" },
                  "attributes": { "type": "object", "enabled": false }
                }
              }
            }""";

    private final OpenSearchClient client;
    private final String index;
    private volatile boolean exists;

    public OpenSearchExceptionListStore(OpenSearchConnection connection, IndexNames names) {
        this.client = connection.client();
        this.index = names.exceptionLists();
    }

    private void ensureIndex() {
        if (!exists) {
            IndexCreation.createIfAbsent(client, index, DEFINITION, "the creation of the exception-list index");
            exists = true;
        }
    }

    @Override
    public Optional<StoredListObject> get(String id) {
        try {
            GetResponse<ObjectNode> response = client.get(g -> g.index(index).id(id), ObjectNode.class);
            if (!response.found() || response.source() == null) {
                return Optional.empty();
            }
            return Optional.of(new StoredListObject(id, attributes(response.source()),
                    new ListObjectVersion(response.seqNo(), response.primaryTerm())));
        } catch (OpenSearchException | IOException e) {
            if (BackendFailures.isIndexMissing(e)) {
                exists = false;
                return Optional.empty();
            }
            throw BackendFailures.failure("the read of list object " + id, e);
        }
    }

    @Override
    public Optional<StoredListObject> findItem(String listId, String itemId) {
        List<StoredListObject> found = search(itemsOf(listId, itemId), 1, "the read of list item " + itemId);
        return found.stream().findFirst();
    }

    @Override
    public Optional<StoredListObject> create(String id, ObjectNode attributes) {
        ensureIndex();
        StoredListObject probe = new StoredListObject(id, attributes, null);
        if (probe.isItem() && findItem(probe.listId(), probe.itemId()).isPresent()) {
            return Optional.empty();
        }
        return write(id, attributes, null).map(version -> new StoredListObject(id, attributes, version));
    }

    @Override
    public ListWrite replace(String id, ObjectNode attributes, ListObjectVersion expected) {
        ListObjectVersion required = expected;
        if (required == null) {
            Optional<StoredListObject> stored = get(id);
            if (stored.isEmpty()) {
                return new ListWrite.Missing();
            }
            required = stored.get().version();
        }
        Optional<ListObjectVersion> written = write(id, attributes, required);
        if (written.isPresent()) {
            return new ListWrite.Written(new StoredListObject(id, attributes, written.get()));
        }
        Optional<StoredListObject> current = get(id);
        return current.<ListWrite>map(o -> new ListWrite.Conflict(o.version())).orElseGet(ListWrite.Missing::new);
    }

    @Override
    public boolean delete(String id) {
        try {
            return client.delete(d -> d.index(index).id(id).refresh(Refresh.True)).result() == Result.Deleted;
        } catch (OpenSearchException | IOException e) {
            if (BackendFailures.isIndexMissing(e)) {
                return false;
            }
            throw BackendFailures.failure("the delete of list object " + id, e);
        }
    }

    @Override
    public long countItems(String listId) {
        try {
            return client.count(c -> c.index(index).query(itemsOf(listId, null))).count();
        } catch (OpenSearchException | IOException e) {
            if (BackendFailures.isIndexMissing(e)) {
                return 0;
            }
            throw BackendFailures.failure("the count of the items of list " + listId, e);
        }
    }

    @Override
    public List<StoredListObject> items(String listId) {
        return search(itemsOf(listId, null), EndpointListItems.MAX_LIST_SIZE, "the read of the items of list " + listId);
    }

    /** A new object ({@code expected} null: only if the id is free) or a replace at {@code expected}; empty on a conflict. */
    private Optional<ListObjectVersion> write(String id, ObjectNode attributes, ListObjectVersion expected) {
        StoredListObject object = new StoredListObject(id, attributes, null);
        ObjectNode source = JsonNodeFactory.instance.objectNode();
        source.put("list_type", object.isItem() ? "item" : "list");
        source.put("list_id", object.listId());
        if (object.isItem()) {
            source.put("item_id", object.itemId());
        }
        source.set("attributes", attributes);
        try {
            IndexResponse response = client.index(i -> {
                i.index(index).id(id).document(source).refresh(Refresh.True);
                return expected == null ? i.opType(OpType.Create)
                        : i.ifSeqNo(expected.seqNo()).ifPrimaryTerm(expected.primaryTerm());
            });
            return Optional.of(new ListObjectVersion(response.seqNo(), response.primaryTerm()));
        } catch (OpenSearchException | IOException e) {
            if (BackendFailures.isConflict(e)) {
                return Optional.empty();
            }
            throw BackendFailures.failure("the write of list object " + id, e);
        }
    }

    private static Query itemsOf(String listId, String itemId) {
        List<Query> terms = new ArrayList<>();
        terms.add(Query.of(q -> q.term(t -> t.field("list_type").value(FieldValue.of("item")))));
        terms.add(Query.of(q -> q.term(t -> t.field("list_id").value(FieldValue.of(listId)))));
        if (itemId != null) {
            terms.add(Query.of(q -> q.term(t -> t.field("item_id").value(FieldValue.of(itemId)))));
        }
        return Query.of(q -> q.bool(b -> b.filter(terms)));
    }

    private List<StoredListObject> search(Query query, int size, String what) {
        List<StoredListObject> found = new ArrayList<>();
        try {
            SearchResponse<ObjectNode> response = client.search(s -> s.index(index).size(size).seqNoPrimaryTerm(true)
                    .query(query), ObjectNode.class);
            for (Hit<ObjectNode> hit : response.hits().hits()) {
                found.add(new StoredListObject(hit.id(), attributes(hit.source()),
                        new ListObjectVersion(hit.seqNo(), hit.primaryTerm())));
            }
            return found;
        } catch (OpenSearchException | IOException e) {
            if (BackendFailures.isIndexMissing(e)) {
                return found;
            }
            throw BackendFailures.failure(what, e);
        }
    }

    private static ObjectNode attributes(ObjectNode source) {
        JsonNode attributes = source.get("attributes");
        return attributes instanceof ObjectNode object ? object : JsonNodeFactory.instance.objectNode();
    }
}
