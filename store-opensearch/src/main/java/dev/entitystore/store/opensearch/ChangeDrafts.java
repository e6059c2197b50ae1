package dev.entitystore.store.opensearch;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.history.ChangeOp;
import dev.entitystore.domain.history.EntityChange;
import dev.entitystore.domain.history.FieldChanges;
import dev.entitystore.domain.history.WriteContext;
import dev.entitystore.domain.store.StoredEntity;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The change record of one entity write made on OpenSearch, built before the write from the record as read
 * and the record to be written, to travel inside the written document ({@link CarriedChange}). The actor
 * and route are the caller's ({@link WriteContext#current()}): every write here runs on its thread.
 */
final class ChangeDrafts {
    private ChangeDrafts() {
    }

    /**
     * A record about to be created or replaced with {@code source}: {@code before} empty for a create, whose
     * fields are left to be read from the record itself (the document carries its own record).
     */
    static CarriedChange written(String space, Optional<StoredEntity> before, String id, ObjectNode source) {
        if (before.isEmpty()) {
            EntityChange change = EntityChange.draft(ChangeOp.CREATE, space, id, 0, System.currentTimeMillis(),
                    WriteContext.current(), source, JsonNodeFactory.instance.objectNode());
            ObjectNode document = ChangesIndex.document(change);
            document.remove("fields");
            document.remove("paths");
            return new CarriedChange(nonce(), document, -1, true);
        }
        EntityChange change = EntityChange.draft(ChangeOp.UPDATE, space, id, 0, System.currentTimeMillis(),
                WriteContext.current(), source,
                FieldChanges.between(FieldChanges.leaves(before.get().source()), FieldChanges.leaves(source)));
        return new CarriedChange(nonce(), ChangesIndex.document(change), -1, false);
    }

    /** The delete of {@code before}, about to be written as its tombstone ({@link TombstoneDeletes}). */
    static CarriedChange deleted(String space, StoredEntity before) {
        return new CarriedChange(nonce(), deleteDocument(space, before), -1, false);
    }

    /**
     * The delete of {@code before} by the drop of its space's index, at the version after its last write. Its
     * nonce is derived from the record's own change, so a drop tried again records each record's delete once.
     */
    static CarriedChange droppedWith(String space, StoredEntity before, String ownNonce) {
        return new CarriedChange("dropped-" + ownNonce, deleteDocument(space, before), before.version() + 1, false);
    }

    private static ObjectNode deleteDocument(String space, StoredEntity before) {
        EntityChange change = EntityChange.draft(ChangeOp.DELETE, space, before.id(), 0, System.currentTimeMillis(),
                WriteContext.current(), before.source(), FieldChanges.between(FieldChanges.leaves(before.source()), Map.of()));
        return ChangesIndex.document(change);
    }

    private static String nonce() {
        return UUID.randomUUID().toString();
    }
}
