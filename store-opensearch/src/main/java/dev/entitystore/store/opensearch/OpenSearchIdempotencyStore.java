package dev.entitystore.store.opensearch;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.idempotency.IdempotencyKey;
import dev.entitystore.domain.idempotency.IdempotencyStore;
import dev.entitystore.domain.idempotency.KeyedRequest;
import dev.entitystore.domain.idempotency.RecordedAnswer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpType;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch.core.GetResponse;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.search.Hit;

/**
 * The OpenSearch {@link IdempotencyStore}: one index, {@code <prefix>idempotency-keys}, a document per key
 * under the key's storage id, shared by every server on the cluster. Taking a key is a conditional write:
 * {@code op_type=create} when absent, {@code if_seq_no}/{@code if_primary_term} of the entry read when
 * replacing it, so of two servers claiming one key only one succeeds. Reads are realtime gets, so no
 * write waits for a refresh.
 */
public final class OpenSearchIdempotencyStore implements IdempotencyStore {
    private static final String DEFINITION = """
            {
              "settings": { "index": { "number_of_shards": 1, "auto_expand_replicas": "0-1" } },
              "mappings": {
                "dynamic": "strict",
                "properties": {
                  "started": { "type": "long" },
                  "fingerprint": { "type": "keyword", "index": false },
                  "answer": { "type": "object", "enabled": false }
                }
              }
            }""";

    private static final int PRUNE_PAGE = 1_000;

    private final OpenSearchClient client;
    private final String index;
    private volatile boolean exists;

    public OpenSearchIdempotencyStore(OpenSearchConnection connection, IndexNames names) {
        this.client = connection.client();
        this.index = names.idempotencyKeys();
    }

    @Override
    public Optional<KeyedRequest> claim(IdempotencyKey key, KeyedRequest pending, Predicate<KeyedRequest> replaceable) {
        ensureIndex();
        String id = key.storageId();
        while (true) {
            Optional<Stored> held = read(id);
            if (held.isPresent() && !replaceable.test(held.get().entry())) {
                return Optional.of(held.get().entry());
            }
            if (write(id, pending, held)) {
                return Optional.empty();
            }
            // another server claimed or answered it between the read and the write: look again
        }
    }

    @Override
    public void answer(IdempotencyKey key, KeyedRequest answered) {
        ensureIndex();
        try {
            client.index(i -> i.index(index).id(key.storageId()).document(document(answered)));
        } catch (OpenSearchException | IOException e) {
            throw BackendFailures.failure("the record of an idempotent request's answer", e);
        }
    }

    @Override
    public void release(IdempotencyKey key) {
        Optional<Stored> held = read(key.storageId());
        if (held.isEmpty() || held.get().entry().answer().isPresent()) {
            return;
        }
        try {
            client.delete(d -> d.index(index).id(key.storageId()).ifSeqNo(held.get().seqNo())
                    .ifPrimaryTerm(held.get().primaryTerm()));
        } catch (OpenSearchException | IOException e) {
            if (!BackendFailures.isConflict(e)) {
                throw BackendFailures.failure("the release of an idempotency key", e);
            }
        }
    }

    /**
     * Searches the expired entries a page at a time and deletes each conditionally on the version found, so
     * that a key claimed again meanwhile stays (the test node, like a minimal cluster, may lack the reindex
     * module and so {@code _delete_by_query}).
     */
    @Override
    public long prune(long startedBeforeMillis) {
        long deleted = 0;
        try {
            while (true) {
                client.indices().refresh(r -> r.index(index));
                List<Hit<ObjectNode>> expired = client.search(s -> s.index(index).size(PRUNE_PAGE).seqNoPrimaryTerm(true)
                        .source(src -> src.fetch(false))
                        .query(q -> q.range(r -> r.field("started").lt(JsonData.of(startedBeforeMillis)))), ObjectNode.class)
                        .hits().hits();
                if (expired.isEmpty()) {
                    return deleted;
                }
                List<BulkOperation> deletes = new ArrayList<>(expired.size());
                for (Hit<ObjectNode> hit : expired) {
                    deletes.add(BulkOperation.of(o -> o.delete(d -> d.index(index).id(hit.id()).ifSeqNo(hit.seqNo())
                            .ifPrimaryTerm(hit.primaryTerm()))));
                }
                BulkResponse response = client.bulk(b -> b.operations(deletes));
                deleted += response.items().stream().filter(item -> item.status() == 200).count();
                if (expired.size() < PRUNE_PAGE) {
                    return deleted;
                }
            }
        } catch (OpenSearchException | IOException e) {
            if (BackendFailures.isIndexMissing(e)) {
                return deleted;
            }
            throw BackendFailures.failure("the pruning of idempotency keys", e);
        }
    }

    /** An entry as stored, with the version a conditional write needs. */
    private record Stored(KeyedRequest entry, long seqNo, long primaryTerm) {
    }

    private Optional<Stored> read(String id) {
        try {
            GetResponse<ObjectNode> response = client.get(g -> g.index(index).id(id), ObjectNode.class);
            if (!response.found() || response.source() == null) {
                return Optional.empty();
            }
            ObjectNode source = response.source();
            Optional<RecordedAnswer> answer = source.hasNonNull("answer")
                    ? Optional.of(RecordedAnswer.fromJson(source.get("answer"))) : Optional.empty();
            KeyedRequest entry = new KeyedRequest(source.path("fingerprint").asText(), source.path("started").asLong(), answer);
            return Optional.of(new Stored(entry, response.seqNo(), response.primaryTerm()));
        } catch (OpenSearchException | IOException e) {
            if (BackendFailures.isIndexMissing(e)) {
                exists = false;
                return Optional.empty();
            }
            throw BackendFailures.failure("the read of an idempotency key", e);
        }
    }

    /** Writes {@code entry} if {@code over} is still what is stored (or nothing is); false when it is not. */
    private boolean write(String id, KeyedRequest entry, Optional<Stored> over) {
        try {
            client.index(i -> {
                i.index(index).id(id).document(document(entry));
                return over.map(stored -> i.ifSeqNo(stored.seqNo()).ifPrimaryTerm(stored.primaryTerm()))
                        .orElseGet(() -> i.opType(OpType.Create));
            });
            return true;
        } catch (OpenSearchException | IOException e) {
            if (BackendFailures.isConflict(e)) {
                return false;
            }
            throw BackendFailures.failure("the claim of an idempotency key", e);
        }
    }

    private static ObjectNode document(KeyedRequest entry) {
        ObjectNode document = JsonNodeFactory.instance.objectNode().put("started", entry.startedMillis())
                .put("fingerprint", entry.fingerprint());
        entry.answer().ifPresent(answer -> document.set("answer", answer.toJson()));
        return document;
    }

    private void ensureIndex() {
        if (!exists) {
            IndexCreation.createIfAbsent(client, index, DEFINITION, "the creation of the idempotency-key index");
            exists = true;
        }
    }
}
