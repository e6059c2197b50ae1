package dev.entitystore.store.opensearch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch.core.MgetResponse;
import org.opensearch.client.opensearch.core.get.GetResult;
import org.opensearch.client.opensearch.core.mget.MultiGetResponseItem;

/**
 * A record and one setting of its space, read in one realtime {@code _mget} over the entity index and the
 * settings index: what a single write reads before it writes (its space's install state and the record
 * its write is conditional on), in one round trip instead of two. Both are as realtime as a get: the
 * setting as last written (settings are written with a refresh anyway), the record with the {@code _seq_no}
 * its conditional write needs. A missing index reads as a missing document.
 */
final class RecordWithSetting {
    private final OpenSearchClient client;
    private final EntityIndices indices;
    private final EntityDocuments documents;
    private final SettingsIndex settings;

    /** What was read: the record (with what it carried) and the setting's value, each if present. */
    record Read(Optional<VersionedRecord> record, Optional<ObjectNode> setting) {
    }

    RecordWithSetting(OpenSearchClient client, EntityIndices indices, EntityDocuments documents, SettingsIndex settings) {
        this.client = client;
        this.indices = indices;
        this.documents = documents;
        this.settings = settings;
    }

    Read read(String space, String id, String key) {
        String what = "the read of " + id + " and of setting " + key;
        try {
            MgetResponse<ObjectNode> response = client.mget(m -> m
                    .docs(d -> d.index(settings.name()).id(SettingsIndex.id(space, key)))
                    .docs(d -> d.index(indices.name(space)).id(id)), ObjectNode.class);
            List<MultiGetResponseItem<ObjectNode>> items = response.docs();
            Optional<ObjectNode> setting = found(items.get(0), what).map(found -> SettingsIndex.value(found.source()));
            Optional<VersionedRecord> record = found(items.get(1), what).flatMap(found -> documents.read(space, found));
            return new Read(record, setting);
        } catch (OpenSearchException | IOException e) {
            throw BackendFailures.failure(what, e);
        }
    }

    private static Optional<GetResult<ObjectNode>> found(MultiGetResponseItem<ObjectNode> item, String what) {
        if (item.isFailure()) {
            if (BackendFailures.isIndexMissing(item.failure().error())) {
                return Optional.empty();
            }
            throw BackendFailures.partly("OpenSearch could not read " + item.failure().id() + " ("
                    + BackendFailures.reason(item.failure().error()) + "): " + what + " failed", null);
        }
        GetResult<ObjectNode> result = item.result();
        return result.found() && result.source() != null ? Optional.of(result) : Optional.empty();
    }
}
