package dev.entitystore.store.opensearch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.store.StoredEntity;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpType;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.Result;
import org.opensearch.client.opensearch.core.DeleteResponse;
import org.opensearch.client.opensearch.core.GetResponse;
import org.opensearch.client.opensearch.core.IndexResponse;
import org.opensearch.client.opensearch.core.MgetResponse;
import org.opensearch.client.opensearch.core.get.GetResult;
import org.opensearch.client.opensearch.core.mget.MultiGetResponseItem;

/**
 * Entity records one at a time: realtime reads with the sequence number and primary term a conditional
 * write needs, and writes that are durable when they return (the translog is synced per request) but do
 * not wait for a refresh: a get is realtime, and every entity search refreshes the index first, so what a
 * write wrote is found by both once it is answered (issue 21: waiting for the refresh was most of a
 * single write's time). A conflicting write is a value ({@code empty}), not an exception: the callers
 * retry on it.
 */
final class EntityDocuments {
    private final OpenSearchClient client;
    private final EntityIndices indices;
    private final RecentReads reads = new RecentReads();

    EntityDocuments(OpenSearchClient client, EntityIndices indices) {
        this.client = client;
        this.indices = indices;
    }

    /** The record as stored now (a realtime get: no refresh needed). */
    Optional<VersionedRecord> get(String space, String id) {
        try {
            GetResponse<ObjectNode> response = client.get(g -> g.index(indices.name(space)).id(id), ObjectNode.class);
            return read(space, response);
        } catch (OpenSearchException | IOException e) {
            if (BackendFailures.isIndexMissing(e)) {
                return Optional.empty();
            }
            throw BackendFailures.failure("the read of " + id, e);
        }
    }

    /** The records of {@code ids} that exist, by id. */
    Map<String, VersionedRecord> getAll(String space, List<String> ids) {
        Map<String, VersionedRecord> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        String what = "the read of " + ids.size() + " records";
        try {
            MgetResponse<ObjectNode> response = client.mget(m -> m.index(indices.name(space)).ids(ids), ObjectNode.class);
            for (MultiGetResponseItem<ObjectNode> item : response.docs()) {
                if (item.isFailure()) {
                    if (BackendFailures.isIndexMissing(item.failure().error())) {
                        continue;
                    }
                    throw BackendFailures.partly("OpenSearch could not read " + item.failure().id() + " ("
                            + BackendFailures.reason(item.failure().error()) + "): " + what + " failed", null);
                }
                read(space, item.result()).ifPresent(record -> found.put(record.id(), record));
            }
            return found;
        } catch (OpenSearchException | IOException e) {
            if (BackendFailures.isIndexMissing(e)) {
                return found;
            }
            throw BackendFailures.failure(what, e);
        }
    }

    /**
     * Writes {@code source} as a new record if none exists ({@code op_type=create}), carrying {@code changes}.
     *
     * @return the record written, or empty if one existed
     */
    Optional<StoredEntity> create(String space, String id, ObjectNode source, List<CarriedChange> changes) {
        return write(space, id, source, changes, null, "the create of " + id);
    }

    /**
     * Replaces {@code current} with {@code source}, carrying {@code changes}, if the record is still exactly
     * {@code current} ({@code if_seq_no}/{@code if_primary_term}).
     *
     * @return the record written, or empty if another write came first
     */
    Optional<StoredEntity> replace(String space, VersionedRecord current, ObjectNode source, List<CarriedChange> changes) {
        return write(space, current.id(), source, changes, current, "the write of " + current.id());
    }

    /**
     * A record a caller read from this store and handed back, with the changes its document carried when it
     * was read: usable for a conditional write only if this process still remembers them.
     */
    Optional<VersionedRecord> asRead(String space, StoredEntity read) {
        if (read.primaryTerm() == StoredEntity.NO_TERM) {
            return Optional.empty();
        }
        List<CarriedChange> carried = reads.get(space, read);
        return carried == null ? Optional.empty()
                : Optional.of(new VersionedRecord(read, read.primaryTerm(), carried));
    }

    /** What a delete got: its sequence number and the version it left (the deleted record's + 1). */
    record Deleted(long seqNo, long version) {
    }

    /**
     * Deletes {@code current} if the record is still exactly it ({@code if_seq_no}/{@code if_primary_term}).
     *
     * @return the delete's seqNo and version, or empty if another write came first or the record is gone
     */
    Optional<Deleted> deleteIf(String space, VersionedRecord current) {
        String what = "the delete of " + current.id();
        try {
            DeleteResponse response = client.delete(d -> d.index(indices.name(space)).id(current.id())
                    .ifSeqNo(current.seqNo()).ifPrimaryTerm(current.primaryTerm()));
            return response.result() == Result.Deleted
                    ? Optional.of(new Deleted(response.seqNo(), response.version()))
                    : Optional.empty();
        } catch (OpenSearchException | IOException e) {
            if (BackendFailures.isConflict(e) || BackendFailures.isIndexMissing(e)) {
                return Optional.empty();
            }
            throw BackendFailures.failure(what, e);
        }
    }

    private Optional<StoredEntity> write(String space, String id, ObjectNode source, List<CarriedChange> changes,
                                        VersionedRecord expected, String what) {
        indices.ensure(space);
        ObjectNode document = CarriedChange.embed(source, changes);
        for (int attempt = 0; ; attempt++) {
            try {
                IndexResponse response = client.index(i -> {
                    i.index(indices.name(space)).id(id).document(document);
                    if (expected == null) {
                        i.opType(OpType.Create);
                    } else {
                        i.ifSeqNo(expected.seqNo()).ifPrimaryTerm(expected.primaryTerm());
                    }
                    return i;
                });
                return Optional.of(new StoredEntity(id, source.deepCopy(), response.seqNo(), response.version(),
                        response.primaryTerm()));
            } catch (OpenSearchException | IOException e) {
                if (BackendFailures.isConflict(e)) {
                    return Optional.empty();
                }
                if (BackendFailures.isIndexMissing(e) && attempt == 0) {
                    // dropped behind our cache (another server's deleteAll): create it and try once more
                    indices.forget(space);
                    indices.ensure(space);
                    continue;
                }
                throw BackendFailures.failure(what, e);
            }
        }
    }

    /** The record a get (or an {@code _mget} item) found, remembered with what it carried; empty if none. */
    Optional<VersionedRecord> read(String space, GetResult<ObjectNode> result) {
        if (!result.found() || result.source() == null) {
            return Optional.empty();
        }
        VersionedRecord record = VersionedRecord.of(result.id(), result.source(), result.seqNo(), result.version(),
                result.primaryTerm());
        reads.put(space, record);
        return Optional.of(record);
    }
}
