package dev.entitystore.store.opensearch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch.core.MgetRequest;
import org.opensearch.client.opensearch.core.MgetResponse;
import org.opensearch.client.opensearch.core.get.GetResult;
import org.opensearch.client.opensearch.core.mget.MultiGetResponseItem;

/**
 * A record and some settings of its space, read in one realtime {@code _mget} over the settings index and the
 * entity index: what a single write reads before it writes (its space's install state, or a v1 write's engine
 * and the space's configuration, and the record its write is conditional on), in one round trip instead of
 * one per document. All are as realtime as a get: the settings as last written (settings are written with a
 * refresh anyway), the record with the {@code _seq_no} its conditional write needs. A missing index reads as
 * a missing document.
 */
final class RecordWithSettings {
    private final OpenSearchClient client;
    private final EntityIndices indices;
    private final EntityDocuments documents;
    private final SettingsIndex settings;

    /** What was read: the record (with what it carried), if present, and the settings found, by key. */
    record Read(Optional<VersionedRecord> record, Map<String, ObjectNode> settings) {
    }

    RecordWithSettings(OpenSearchClient client, EntityIndices indices, EntityDocuments documents, SettingsIndex settings) {
        this.client = client;
        this.indices = indices;
        this.documents = documents;
        this.settings = settings;
    }

    Read read(String space, String id, List<String> keys) {
        String what = "the read of " + id + " and of settings " + String.join(", ", keys);
        try {
            MgetRequest.Builder request = new MgetRequest.Builder();
            for (String key : keys) {
                request.docs(d -> d.index(settings.name()).id(SettingsIndex.id(space, key)));
            }
            request.docs(d -> d.index(indices.name(space)).id(id));
            MgetResponse<ObjectNode> response = client.mget(request.build(), ObjectNode.class);
            List<MultiGetResponseItem<ObjectNode>> items = response.docs();
            Map<String, ObjectNode> found = new LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                String key = keys.get(i);
                found(items.get(i), what).ifPresent(setting -> found.put(key, SettingsIndex.value(setting.source())));
            }
            Optional<VersionedRecord> record = found(items.get(keys.size()), what).flatMap(doc -> documents.read(space, doc));
            return new Read(record, found);
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
