package dev.entitystore.store.opensearch;

import dev.entitystore.domain.store.EntityMerge;
import dev.entitystore.domain.store.MergeDecision;
import dev.entitystore.domain.store.MergeOutcome;
import dev.entitystore.domain.store.SettingCheck;
import dev.entitystore.domain.store.StoredEntity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The port's atomic read-merge-write on a store without transactions: read the record with its
 * {@code _seq_no}/{@code _primary_term}, let the merge function decide, write only if the record is still
 * what was read ({@code if_seq_no}/{@code if_primary_term}, or {@code op_type=create} when it was absent).
 * Another writer in between makes the write a conflict; then the record is read again and the function
 * asked again, so concurrent merges all apply and none overwrites another's fields. Kibana's updates
 * ({@code retry_on_conflict} on a partial doc) could not do this for v1's collect merge, which needs the
 * stored values.
 *
 * <p>The write carries its change record, and the changes the document read carried that may not be in the
 * changes index yet ({@link CarriedChange}); they are written there after the merge returns
 * ({@link ChangeRecorder}). Two requests: the read and the write. A write that depends on a setting of its
 * space (the install state, a v1 write's engine) reads them in the same request as the record ({@link RecordWithSettings}).
 */
final class OptimisticMerge {
    private final EntityDocuments documents;
    private final RecordWithSettings withSettings;
    private final MergeGuard guard;
    private final ChangesIndex changes;
    private final ChangeRecorder recorder;
    private final TombstoneDeletes tombstones;
    private final WriteFaults faults;

    OptimisticMerge(EntityDocuments documents, RecordWithSettings withSettings, MergeGuard guard, ChangesIndex changes,
                    ChangeRecorder recorder, TombstoneDeletes tombstones, WriteFaults faults) {
        this.withSettings = withSettings;
        this.recorder = recorder;
        this.faults = faults;
        this.documents = documents;
        this.guard = guard;
        this.changes = changes;
        this.tombstones = tombstones;
    }

    MergeOutcome merge(String space, String id, EntityMerge merge) {
        return merge(space, id, null, merge);
    }

    /**
     * The merge, each read of the record made together with a read of {@code check}'s settings (one
     * {@code _mget}), which {@code check} is given before the merge function; {@code null}: the record alone.
     */
    MergeOutcome merge(String space, String id, SettingCheck check, EntityMerge merge) {
        String what = "the merge of " + id + " was not applied";
        for (int attempt = 0; attempt < Backoff.MAX_ATTEMPTS; attempt++) {
            if (attempt > 0) {
                Backoff.pause(attempt, what);
            }
            Optional<VersionedRecord> current;
            if (check == null) {
                current = documents.get(space, id);
            } else {
                RecordWithSettings.Read read = withSettings.read(space, id, check.keys());
                check.verify().accept(read.settings());
                current = read.record();
            }
            if (current.isPresent() && current.get().tombstone()) {
                tombstones.finish(space, current.get());
                continue;
            }
            Optional<StoredEntity> stored = current.map(VersionedRecord::entity);
            // The function gets its own copy: it may change it and still answer NOOP.
            MergeDecision decision = guard.apply(merge, stored.map(OptimisticMerge::copy));
            switch (decision.kind()) {
                case NOT_FOUND:
                    return new MergeOutcome(MergeOutcome.Status.NOT_FOUND, Optional.empty());
                case NOOP:
                    return new MergeOutcome(MergeOutcome.Status.NOOP, stored);
                default:
                    List<CarriedChange> carried = new ArrayList<>(
                            current.map(r -> changes.unrecorded(r.carried())).orElse(List.of()));
                    CarriedChange change = ChangeDrafts.written(space, stored, id, decision.source());
                    carried.add(change);
                    Optional<StoredEntity> written = current.isEmpty()
                            ? documents.create(space, id, decision.source(), carried)
                            : documents.replace(space, current.get(), decision.source(), carried);
                    if (written.isPresent()) {
                        carried.set(carried.size() - 1, change.at(written.get().version(), decision.source()));
                        faults.reached(WriteFaults.Step.WRITTEN);
                        recorder.record(carried, "the merge of " + id);
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
