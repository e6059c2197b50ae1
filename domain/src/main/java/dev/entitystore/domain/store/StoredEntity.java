package dev.entitystore.domain.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One entity record as the store holds it.
 *
 * @param id      the record's {@code _id} (the EUID), unique within its space
 * @param source  the record itself; a private copy for the receiver, which may change it freely
 * @param seqNo   the sequence number of the record's last write: grows with every write of the space (the
 *                embedded store's is global, see {@link ChangeFeed#changesSince}; OpenSearch's is
 *                {@code _seq_no} of the space's index)
 * @param version per-record write counter: 1 on creation, +1 on every write that changed it (OpenSearch's
 *                {@code _version}, which after a delete may go on from the deleted record's)
 */
public record StoredEntity(String id, ObjectNode source, long seqNo, long version) {
    public StoredEntity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
    }
}
