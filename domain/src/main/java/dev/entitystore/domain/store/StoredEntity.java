package dev.entitystore.domain.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One entity record as the store holds it.
 *
 * @param id      the record's {@code _id} (the EUID), unique within its space
 * @param source  the record itself; a private copy for the receiver, which may change it freely
 * @param seqNo   the change sequence number of the record's last write (see {@link EntityStore#changesSince})
 * @param version per-record write counter: 1 on creation, +1 on every write that changed it
 */
public record StoredEntity(String id, ObjectNode source, long seqNo, long version) {
    public StoredEntity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
    }
}
