package dev.entitystore.store.opensearch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.store.StoredEntity;
import java.util.List;

/**
 * A record as read, with what a conditional write needs to replace exactly this state ({@code if_seq_no} is
 * {@code entity.seqNo()}, {@code if_primary_term} is {@code primaryTerm}) and the changes its document
 * carries ({@link CarriedChange}), oldest first, the last being the change of the write that made it.
 */
record VersionedRecord(StoredEntity entity, long primaryTerm, List<CarriedChange> carried) {
    /** From a document as read: its carried changes are taken out of {@code source}. */
    static VersionedRecord of(String id, ObjectNode source, long seqNo, long version, long primaryTerm) {
        List<CarriedChange> carried = CarriedChange.takeFrom(source, version);
        return new VersionedRecord(new StoredEntity(id, source, seqNo, version, primaryTerm), primaryTerm, carried);
    }

    String id() {
        return entity.id();
    }

    long seqNo() {
        return entity.seqNo();
    }

    /** A delete written but not finished: the record is still there until its delete's change is written. */
    boolean tombstone() {
        return !carried.isEmpty() && "delete".equals(carried.get(carried.size() - 1).op());
    }

    /** What tells this state's delete by a dropped index apart from another's: its own change, or its place. */
    String ownNonce() {
        return carried.isEmpty() ? "s" + entity.seqNo() + "t" + primaryTerm : carried.get(carried.size() - 1).nonce();
    }
}
