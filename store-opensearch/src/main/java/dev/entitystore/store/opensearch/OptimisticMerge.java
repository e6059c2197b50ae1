package dev.entitystore.store.opensearch;

import dev.entitystore.domain.store.EntityMerge;
import dev.entitystore.domain.store.MergeDecision;
import dev.entitystore.domain.store.MergeOutcome;
import dev.entitystore.domain.store.StoredEntity;
import java.util.List;
import java.util.Optional;

/**
 * The port's atomic read-merge-write on a store without transactions: read the record with its
 * {@code _seq_no}/{@code _primary_term}, let the merge function decide, write only if the record is still
 * what was read ({@code if_seq_no}/{@code if_primary_term}, or {@code op_type=create} when it was absent).
 * Another writer in between makes the write a conflict; then the record is read again and the function
 * asked again, so concurrent merges all apply and none overwrites another's fields. Kibana's updates
 * ({@code retry_on_conflict} on a partial doc) could not do this for v1's collect merge, which needs the
 * stored values. The write's change record follows it into {@link ChangesIndex} before the merge returns.
 */
final class OptimisticMerge {
    private final EntityDocuments documents;
    private final MergeGuard guard;
    private final ChangesIndex changes;

    OptimisticMerge(EntityDocuments documents, MergeGuard guard, ChangesIndex changes) {
        this.documents = documents;
        this.guard = guard;
        this.changes = changes;
    }

    MergeOutcome merge(String space, String id, EntityMerge merge) {
        String what = "the merge of " + id + " was not applied";
        for (int attempt = 0; attempt < Backoff.MAX_ATTEMPTS; attempt++) {
            if (attempt > 0) {
                Backoff.pause(attempt, what);
            }
            Optional<VersionedRecord> current = documents.get(space, id);
            Optional<StoredEntity> stored = current.map(VersionedRecord::entity);
            // The function gets its own copy: it may change it and still answer NOOP.
            MergeDecision decision = guard.apply(merge, stored.map(OptimisticMerge::copy));
            switch (decision.kind()) {
                case NOT_FOUND:
                    return new MergeOutcome(MergeOutcome.Status.NOT_FOUND, Optional.empty());
                case NOOP:
                    return new MergeOutcome(MergeOutcome.Status.NOOP, stored);
                default:
                    Optional<StoredEntity> written = current.isEmpty()
                            ? documents.create(space, id, decision.source())
                            : documents.replace(space, current.get(), decision.source());
                    if (written.isPresent()) {
                        changes.record(List.of(ChangeDrafts.written(space, stored, written.get())), "the merge of " + id);
                        return new MergeOutcome(current.isEmpty() ? MergeOutcome.Status.CREATED : MergeOutcome.Status.UPDATED,
                                written);
                    }
            }
        }
        throw Backoff.gaveUp(what);
    }

    static StoredEntity copy(StoredEntity entity) {
        return new StoredEntity(entity.id(), entity.source().deepCopy(), entity.seqNo(), entity.version(),
                entity.primaryTerm());
    }
}
