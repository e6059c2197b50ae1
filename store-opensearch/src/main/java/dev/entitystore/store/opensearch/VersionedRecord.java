package dev.entitystore.store.opensearch;

import dev.entitystore.domain.store.StoredEntity;

/**
 * A record as read, with what a conditional write needs to replace exactly this state:
 * {@code if_seq_no} is {@code entity.seqNo()}, {@code if_primary_term} is {@code primaryTerm}.
 */
record VersionedRecord(StoredEntity entity, long primaryTerm) {
    String id() {
        return entity.id();
    }

    long seqNo() {
        return entity.seqNo();
    }
}
