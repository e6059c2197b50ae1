package dev.entitystore.store.opensearch;

import dev.entitystore.domain.store.StoredEntity;
import java.util.Optional;

/**
 * A record as read, with what a conditional write needs to replace exactly this state:
 * {@code if_seq_no} is {@code entity.seqNo()}, {@code if_primary_term} is {@code primaryTerm}.
 */
record VersionedRecord(StoredEntity entity, long primaryTerm) {
    /** A record a caller read from this store and handed back: usable for a conditional write if it kept its term. */
    static Optional<VersionedRecord> ofRead(StoredEntity read) {
        return read.primaryTerm() == StoredEntity.NO_TERM
                ? Optional.empty()
                : Optional.of(new VersionedRecord(read, read.primaryTerm()));
    }

    String id() {
        return entity.id();
    }

    long seqNo() {
        return entity.seqNo();
    }
}
