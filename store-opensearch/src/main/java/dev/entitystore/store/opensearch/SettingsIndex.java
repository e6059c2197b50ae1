package dev.entitystore.store.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch._types.Result;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch.core.GetResponse;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Hit;

/**
 * Per-space settings in one index for all spaces: a document per (space, key) holding
 * {@code {space, key, value}}. The value is mapped {@code enabled: false}: stored, never indexed, so a
 * setting may change shape (a number today, an object tomorrow) without a mapping conflict. Writes
 * refresh at once ({@code refresh=true}): they are rare, the index is tiny, and {@link #all} is a search
 * that must see them. The index is created by the first write; reads before it find nothing.
 */
final class SettingsIndex {
    /** More keys than a space will ever have (an install state and one engine per type). */
    private static final int MAX_KEYS = 10_000;
    private static final int SPACES_PAGE = 1_000;
    private static final String DEFINITION = """
            {
              "settings": { "index": { "number_of_shards": 1, "auto_expand_replicas": "0-1" } },
              "mappings": {
                "dynamic": "strict",
                "properties": {
                  "space": { "type": "keyword" },
                  "key": { "type": "keyword" },
                  "value": { "type": "object", "enabled": false }
                }
              }
            }""";

    private final OpenSearchClient client;
    private final String index;
    private volatile boolean exists;

    SettingsIndex(OpenSearchClient client, IndexNames names) {
        this.client = client;
        this.index = names.settings();
    }

    String name() {
        return index;
    }

    /** Creates the index unless it is known to exist; a concurrent creation counts as success. */
    void ensure() {
        if (exists) {
            return;
        }
        IndexCreation.createIfAbsent(client, index, DEFINITION, "the creation of the settings index");
        exists = true;
    }

    Optional<ObjectNode> get(String space, String key) {
        try {
            GetResponse<ObjectNode> response = client.get(g -> g.index(index).id(id(space, key)), ObjectNode.class);
            return response.found() ? Optional.of(value(response.source())) : Optional.empty();
        } catch (OpenSearchException | IOException e) {
            if (BackendFailures.isIndexMissing(e)) {
                return Optional.empty();
            }
            throw BackendFailures.failure("the read of setting " + key, e);
        }
    }

    void put(String space, String key, ObjectNode value) {
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.put("space", space).put("key", key).set("value", value);
        String what = "the setting " + key;
        ensure();
        try {
            client.index(i -> i.index(index).id(id(space, key)).document(document).refresh(Refresh.True));
        } catch (OpenSearchException | IOException e) {
            throw BackendFailures.failure(what, e);
        }
    }

    boolean delete(String space, String key) {
        String what = "the delete of setting " + key;
        try {
            return client.delete(d -> d.index(index).id(id(space, key)).refresh(Refresh.True)).result() == Result.Deleted;
        } catch (OpenSearchException | IOException e) {
            if (BackendFailures.isIndexMissing(e)) {
                return false;
            }
            throw BackendFailures.failure(what, e);
        }
    }

    /** Every setting of the space, in key order. */
    Map<String, ObjectNode> all(String space) {
        Map<String, ObjectNode> settings = new LinkedHashMap<>();
        try {
            SearchResponse<ObjectNode> response = client.search(s -> s.index(index).size(MAX_KEYS)
                    .query(q -> q.term(t -> t.field("space").value(FieldValue.of(space))))
                    .sort(o -> o.field(f -> f.field("key").order(SortOrder.Asc))), ObjectNode.class);
            for (Hit<ObjectNode> hit : response.hits().hits()) {
                settings.put(hit.source().path("key").asText(), value(hit.source()));
            }
            return settings;
        } catch (OpenSearchException | IOException e) {
            if (BackendFailures.isIndexMissing(e)) {
                return settings;
            }
            throw BackendFailures.failure("the read of the settings of space " + space, e);
        }
    }

    /**
     * Every space with a setting, in name order: one hit per space (collapsed on {@code space}), page after
     * page, so the number of spaces is not capped.
     */
    List<String> spaces() {
        List<String> spaces = new ArrayList<>();
        String lastSeen = null;
        try {
            while (true) {
                String after = lastSeen;
                SearchResponse<ObjectNode> response = client.search(s -> {
                    s.index(index).size(SPACES_PAGE).source(src -> src.filter(f -> f.includes("space")))
                            .collapse(c -> c.field("space"))
                            .sort(o -> o.field(f -> f.field("space").order(SortOrder.Asc)));
                    if (after != null) {
                        s.searchAfter(FieldValue.of(after));
                    }
                    return s;
                }, ObjectNode.class);
                String last = after;
                for (Hit<ObjectNode> hit : response.hits().hits()) {
                    last = hit.source().path("space").asText();
                    // The space leases' documents (SpaceLeases) carry the empty space: no space of anyone's.
                    if (!last.isEmpty()) {
                        spaces.add(last);
                    }
                }
                if (response.hits().hits().size() < SPACES_PAGE) {
                    return spaces;
                }
                lastSeen = last;
            }
        } catch (OpenSearchException | IOException e) {
            if (BackendFailures.isIndexMissing(e)) {
                return spaces;
            }
            throw BackendFailures.failure("the read of the spaces", e);
        }
    }

    /** Unambiguous for any space and key: the space's length says where it ends. */
    static String id(String space, String key) {
        return space.length() + ":" + space + ":" + key;
    }

    /**
     * A document of the index's own bookkeeping (a lease, a mark) under {@code id}, holding {@code value}: it
     * carries the empty space, which is no space's, so it never shows among a space's settings or makes a space
     * look installed.
     */
    static ObjectNode ownDocument(String id, ObjectNode value) {
        ObjectNode document = JsonNodeFactory.instance.objectNode().put("space", "").put("key", id);
        document.set("value", value);
        return document;
    }

    /** The value a setting's document holds. */
    static ObjectNode value(ObjectNode document) {
        JsonNode value = document.get("value");
        return value instanceof ObjectNode object ? object : JsonNodeFactory.instance.objectNode();
    }
}
