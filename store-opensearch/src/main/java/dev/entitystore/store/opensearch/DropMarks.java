package dev.entitystore.store.opensearch;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch.core.GetResponse;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Hit;

/**
 * The roll-forward marks of {@link SpaceDrops}: while a space's records are being dropped, a document
 * {@code space-drop:<space>} in the settings index names the entity index being dropped (by its uuid, so a
 * mark left behind never names an index made again since). Written and removed with a refresh, so the search
 * that lists the marks sees them at once; like the leases' documents they carry the empty space, so no mark
 * shows among a space's settings or makes a space look installed.
 */
final class DropMarks {
    private static final String PREFIX = "space-drop:";
    /** More spaces being dropped at once than will ever be. */
    private static final int MAX_MARKS = 10_000;

    private final OpenSearchClient client;
    private final SettingsIndex settings;

    DropMarks(OpenSearchClient client, SettingsIndex settings) {
        this.client = client;
        this.settings = settings;
    }

    /** Marks the drop of the space's index {@code uuid} (replacing a mark left for an older one). */
    void put(String space, String uuid) {
        settings.ensure();
        ObjectNode document = SettingsIndex.ownDocument(id(space),
                JsonNodeFactory.instance.objectNode().put("space", space).put("uuid", uuid));
        try {
            client.index(i -> i.index(settings.name()).id(id(space)).document(document).refresh(Refresh.True));
        } catch (OpenSearchException | IOException e) {
            throw BackendFailures.failure("the mark of the delete of space " + space, e);
        }
    }

    /** The uuid of the index whose drop the space's mark names (a realtime get), if marked. */
    Optional<String> get(String space) {
        try {
            GetResponse<ObjectNode> response = client.get(g -> g.index(settings.name()).id(id(space)), ObjectNode.class);
            return response.found() ? Optional.of(response.source().path("value").path("uuid").asText("")) : Optional.empty();
        } catch (OpenSearchException | IOException e) {
            if (BackendFailures.isIndexMissing(e)) {
                return Optional.empty();
            }
            throw BackendFailures.failure("the read of the mark of the delete of space " + space, e);
        }
    }

    void remove(String space) {
        try {
            client.delete(d -> d.index(settings.name()).id(id(space)).refresh(Refresh.True));
        } catch (OpenSearchException | IOException e) {
            if (!BackendFailures.isIndexMissing(e) && !BackendFailures.isNotFound(e)) {
                throw BackendFailures.failure("the removal of the mark of the delete of space " + space, e);
            }
        }
    }

    /** The spaces with a mark. */
    List<String> spaces() {
        List<String> spaces = new ArrayList<>();
        try {
            SearchResponse<ObjectNode> response = client.search(s -> s.index(settings.name()).size(MAX_MARKS)
                    .query(q -> q.prefix(p -> p.field("key").value(PREFIX))), ObjectNode.class);
            for (Hit<ObjectNode> hit : response.hits().hits()) {
                spaces.add(hit.source().path("value").path("space").asText());
            }
            return spaces;
        } catch (OpenSearchException | IOException e) {
            if (BackendFailures.isIndexMissing(e)) {
                return spaces;
            }
            throw BackendFailures.failure("the read of the marks of deleted spaces", e);
        }
    }

    /** Never a setting's id (those start with the space's length), a lease's or another mark's. */
    private static String id(String space) {
        return PREFIX + space;
    }
}
