package dev.entitystore.store.opensearch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.store.EntityPage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Hit;

/**
 * The port's scan: a space's records in {@code _id} order, page after page with {@code search_after}.
 * Sorting on {@code _id} uses its field data, which OpenSearch 2.x allows
 * ({@code indices.id_field_data.enabled}); scans are rare (erasing one type's entities), so that beats a
 * keyword copy of the id inside every record, where it would show in every answer.
 */
final class IdOrderScan {
    private final OpenSearchClient client;
    private final EntityIndices indices;

    IdOrderScan(OpenSearchClient client, EntityIndices indices) {
        this.client = client;
        this.indices = indices;
    }

    /** One page of the port's scan: the records without what their documents carry. */
    EntityPage page(String space, String afterId, int limit) {
        Page page = records(space, afterId, limit);
        return new EntityPage(page.records().stream().map(VersionedRecord::entity).toList(), page.nextAfterId());
    }

    /** A page of records as read, with the changes their documents carry. */
    record Page(List<VersionedRecord> records, Optional<String> nextAfterId) {
    }

    Page records(String space, String afterId, int limit) {
        try {
            if (afterId == null) {
                // Writes do not wait for a refresh: the scan starts from every write answered before it.
                client.indices().refresh(r -> r.index(indices.name(space)));
            }
            // One more than asked: whether a next page exists is known without another request.
            SearchResponse<ObjectNode> response = client.search(s -> {
                s.index(indices.name(space)).size(limit + 1).seqNoPrimaryTerm(true).version(true)
                        .sort(o -> o.field(f -> f.field("_id").order(SortOrder.Asc)));
                if (afterId != null) {
                    s.searchAfter(FieldValue.of(afterId));
                }
                return s;
            }, ObjectNode.class);
            List<VersionedRecord> records = new ArrayList<>();
            for (Hit<ObjectNode> hit : response.hits().hits()) {
                if (records.size() < limit) {
                    records.add(VersionedRecord.of(hit.id(), hit.source(), hit.seqNo(), hit.version(), hit.primaryTerm()));
                }
            }
            boolean more = response.hits().hits().size() > limit;
            return new Page(records, more ? Optional.of(records.get(records.size() - 1).id()) : Optional.empty());
        } catch (OpenSearchException | IOException e) {
            if (BackendFailures.isIndexMissing(e)) {
                return new Page(List.of(), Optional.empty());
            }
            throw BackendFailures.failure("the scan of space " + space, e);
        }
    }
}
