package dev.entitystore.store.opensearch;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.VersionType;
import org.opensearch.client.opensearch.core.GetResponse;

/**
 * Per space, the {@code _seq_no} of the newest change that history retention removed ({@code
 * EntityHistory.prunedThrough}): one document in the settings index whose external version is that seq + 1, so
 * raising it is one conditional write ({@code external_gte}) that a lower mark, from a slower prune on another
 * server, can never undo. The prune raises it before deleting the changes it covers.
 */
final class PrunedMark {
    private final OpenSearchClient client;
    private final SettingsIndex settings;

    PrunedMark(OpenSearchClient client, SettingsIndex settings) {
        this.client = client;
        this.settings = settings;
    }

    /** Raises the space's mark to {@code seq}; a mark already at or above it stays. */
    void raise(String space, long seq) {
        settings.ensure();
        ObjectNode document = SettingsIndex.ownDocument(id(space), JsonNodeFactory.instance.objectNode().put("seq", seq));
        try {
            client.index(i -> i.index(settings.name()).id(id(space)).document(document)
                    .version(seq + 1).versionType(VersionType.ExternalGte));
        } catch (OpenSearchException | IOException e) {
            if (ClusterError.of(e).map(ClusterError::isConflict).orElse(false)) {
                return; // a higher mark is already there
            }
            throw BackendFailures.failure("the mark of the pruned history of space " + space, e);
        }
    }

    /** The space's mark, -1 when nothing was ever pruned there (a realtime get: it sees the last raise). */
    long get(String space) {
        try {
            GetResponse<ObjectNode> response = client.get(g -> g.index(settings.name()).id(id(space)), ObjectNode.class);
            return response.found() ? response.source().path("value").path("seq").asLong(-1) : -1;
        } catch (OpenSearchException | IOException e) {
            if (BackendFailures.isIndexMissing(e)) {
                return -1;
            }
            throw BackendFailures.failure("the read of the pruned history mark of space " + space, e);
        }
    }

    /** No space's setting ({@code ""} is its space) and never a setting's or a lease's id. */
    private static String id(String space) {
        return "pruned-through:" + space;
    }
}
