package dev.entitystore.store.opensearch;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch.generic.Bodies;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;

/**
 * The entity index of each space: created with {@link EntityIndexDefinition} before the first write to
 * the space, dropped whole by {@link #deleteAll} (this distribution has no {@code _delete_by_query}; Kibana
 * drops the index too). Which indices exist is cached: every write asks, and only this class creates or
 * drops them. Another server on the same cluster may drop one behind the cache; a write that then meets
 * {@code index_not_found} calls {@link #forget} and creates it again.
 */
final class EntityIndices {
    private final OpenSearchClient client;
    private final IndexNames names;
    private final Set<String> existing = ConcurrentHashMap.newKeySet();

    EntityIndices(OpenSearchClient client, IndexNames names) {
        this.client = client;
        this.names = names;
    }

    String name(String space) {
        return names.entities(space);
    }

    /** Creates the space's index unless it is known to exist; a concurrent creation counts as success. */
    void ensure(String space) {
        String index = name(space);
        if (existing.contains(index)) {
            return;
        }
        IndexCreation.createIfAbsent(client, index, EntityIndexDefinition.json(),
                "the creation of the entity index of space " + space);
        mapCarriedChanges(index, space);
        existing.add(index);
    }

    /**
     * Maps the carried changes' field on an index made before it existed (a no-op on one that maps it):
     * unmapped, the dynamic mapping would index every field of every change.
     */
    private void mapCarriedChanges(String index, String space) {
        String body = "{\"properties\":{\"" + CarriedChange.FIELD + "\":{\"type\":\"object\",\"enabled\":false}}}";
        try (Response response = client.generic().execute(Requests.builder().method("PUT").endpoint("/" + index + "/_mapping")
                .body(Bodies.json(body)).build())) {
            if (response.getStatus() != 200) {
                String answer = response.getBody().map(b -> b.bodyAsString()).orElse("");
                throw BackendFailures.partly("OpenSearch refused the request (" + response.getStatus() + "): the mapping of "
                        + "the entity index of space " + space + " failed: " + answer.substring(0, Math.min(200, answer.length())), null);
            }
        } catch (IOException e) {
            throw BackendFailures.failure("the mapping of the entity index of space " + space, e);
        }
    }

    /** The index was found missing: the next write creates it again. */
    void forget(String space) {
        existing.remove(name(space));
    }

    /**
     * Counts the space's records, then drops its index.
     *
     * @return how many records it held
     */
    long deleteAll(String space) {
        String index = name(space);
        String what = "the delete of space " + space;
        try {
            client.indices().refresh(r -> r.index(index)); // writes do not wait for one: count them all
            long count = client.count(c -> c.index(index)).count();
            client.indices().delete(d -> d.index(index));
            return count;
        } catch (OpenSearchException | IOException e) {
            if (BackendFailures.isIndexMissing(e)) {
                return 0;
            }
            throw BackendFailures.failure(what, e);
        } finally {
            existing.remove(index);
        }
    }

    /** The spaces that have an entity index, from the cluster's list of indices (no document is read). */
    List<String> spaces() {
        String pattern = names.allEntities();
        String prefix = pattern.substring(0, pattern.length() - 1);
        try {
            return client.cat().indices(c -> c.index(pattern)).valueBody().stream()
                    .map(record -> record.index())
                    .filter(index -> index != null && index.startsWith(prefix) && index.length() > prefix.length())
                    .map(index -> index.substring(prefix.length()))
                    .sorted()
                    .toList();
        } catch (OpenSearchException | IOException e) {
            throw BackendFailures.failure("the list of entity indices", e);
        }
    }
}
