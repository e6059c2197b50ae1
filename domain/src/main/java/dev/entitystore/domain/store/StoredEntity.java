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
 * @param primaryTerm what, with {@code seqNo}, names the record's last write exactly where {@code seqNo}
 *                alone does not (OpenSearch's {@code _primary_term}: a conditional write needs both, so a
 *                record read once can be written back on that read); {@link #NO_TERM} where the store's
 *                {@code seqNo} is enough (the embedded store) or the term was not read
 */
public record StoredEntity(String id, ObjectNode source, long seqNo, long version, long primaryTerm) {
    /** The {@code primaryTerm} of a record whose store has none, or that was read without it. */
    public static final long NO_TERM = 0;

    public StoredEntity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
    }

    /** A record whose {@code seqNo} alone names its last write, or read without its term. */
    public StoredEntity(String id, ObjectNode source, long seqNo, long version) {
        this(id, source, seqNo, version, NO_TERM);
    }
}
