package dev.entitystore.store.opensearch;

import dev.entitystore.domain.store.StoredEntity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The delete of one record, made crash-safe: a deleted document can carry nothing, so the delete is first
 * written as a tombstone (the record as it was, carrying the delete's change: one conditional write, so the
 * delete and its change are made together), then its change is written to the changes index, then the
 * tombstone is removed (conditional on its own {@code _seq_no}). Until removed a tombstone reads as the
 * record still there; whoever meets one next (a writer of the record, a history read, the recovery) finishes
 * it the same way, so a delete once written is recorded and done exactly once.
 */
final class TombstoneDeletes {
    private final EntityDocuments documents;
    private final ChangesIndex changes;
    private final WriteFaults faults;

    TombstoneDeletes(EntityDocuments documents, ChangesIndex changes, WriteFaults faults) {
        this.faults = faults;
        this.documents = documents;
        this.changes = changes;
    }

    /**
     * Deletes {@code current} if the record is still exactly it.
     *
     * @return false if another write came first (nothing written)
     */
    boolean delete(String space, VersionedRecord current) {
        List<CarriedChange> carried = new ArrayList<>(changes.unrecorded(current.carried()));
        CarriedChange delete = ChangeDrafts.deleted(space, current.entity());
        carried.add(delete);
        Optional<StoredEntity> tombstone = documents.replace(space, current, current.entity().source(), carried);
        if (tombstone.isEmpty()) {
            return false;
        }
        carried.set(carried.size() - 1, delete.at(tombstone.get().version(), null));
        faults.reached(WriteFaults.Step.WRITTEN);
        remove(space, new VersionedRecord(tombstone.get(), tombstone.get().primaryTerm(), List.copyOf(carried)), carried);
        return true;
    }

    /** A tombstone met: its delete was written, so it is recorded and removed now. */
    void finish(String space, VersionedRecord tombstone) {
        remove(space, tombstone, changes.unrecorded(tombstone.carried()));
    }

    private void remove(String space, VersionedRecord tombstone, List<CarriedChange> unrecorded) {
        changes.create(unrecorded, "the delete of " + tombstone.id());
        faults.reached(WriteFaults.Step.RECORDED);
        // Not deleted here: someone else finished it, or a write of a new record came after it.
        documents.deleteIf(space, tombstone);
    }
}
