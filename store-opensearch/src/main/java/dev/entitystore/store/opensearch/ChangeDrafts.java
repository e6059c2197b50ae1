package dev.entitystore.store.opensearch;

import dev.entitystore.domain.history.ChangeOp;
import dev.entitystore.domain.history.EntityChange;
import dev.entitystore.domain.history.FieldChanges;
import dev.entitystore.domain.history.WriteContext;
import dev.entitystore.domain.store.StoredEntity;
import java.util.Map;
import java.util.Optional;

/**
 * The change record of one entity write made on OpenSearch, built from the record as read before it and
 * as written (the write's {@code _seq_no} and {@code _version}), for {@link ChangesIndex#record}. The
 * actor and route are the caller's ({@link WriteContext#current()}): every write here runs on its thread.
 */
final class ChangeDrafts {
    private ChangeDrafts() {
    }

    /** A record created or replaced: {@code before} empty for a create. */
    static EntityChange written(String space, Optional<StoredEntity> before, StoredEntity written) {
        ChangeOp op = before.isPresent() ? ChangeOp.UPDATE : ChangeOp.CREATE;
        return EntityChange.draft(op, space, written.id(), written.version(), System.currentTimeMillis(),
                WriteContext.current(), written.source(),
                FieldChanges.between(before.map(b -> FieldChanges.leaves(b.source())).orElse(Map.of()),
                        FieldChanges.leaves(written.source()))).at(written.seqNo());
    }

    /** A record deleted by a write that got {@code seqNo} and {@code version}. */
    static EntityChange deleted(String space, StoredEntity before, long seqNo, long version) {
        return EntityChange.draft(ChangeOp.DELETE, space, before.id(), version, System.currentTimeMillis(),
                WriteContext.current(), before.source(),
                FieldChanges.between(FieldChanges.leaves(before.source()), Map.of())).at(seqNo);
    }
}
