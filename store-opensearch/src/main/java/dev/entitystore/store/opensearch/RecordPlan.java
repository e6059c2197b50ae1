package dev.entitystore.store.opensearch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.store.BulkOperation;
import dev.entitystore.domain.store.ItemOutcome;
import dev.entitystore.domain.store.MergeDecision;
import dev.entitystore.domain.store.StoredEntity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The items of one bulk that name one record, applied in memory in item order to the record as read: each
 * item sees the ones before it. What is left is one write of the record (or none), made conditional on the
 * state read, so the record's items apply together or, on a conflict, are planned again from a new read.
 */
final class RecordPlan {
    /** What one item did, before the write's sequence number and version are known. */
    record Step(int position, ItemOutcome.Status status, ObjectNode source, boolean storedState) {
    }

    /** The one write the plan needs. */
    enum Write { NONE, CREATE, REPLACE, DELETE }

    private final String id;
    private final Optional<VersionedRecord> stored;
    private final List<Step> steps = new ArrayList<>();
    private ObjectNode state;
    private boolean changed;

    private RecordPlan(String id, Optional<VersionedRecord> stored) {
        this.id = id;
        this.stored = stored;
        this.state = stored.map(r -> r.entity().source()).orElse(null);
    }

    /**
     * Applies the items at {@code positions} of {@code items} (all naming {@code id}) to {@code stored}.
     * A merge function that throws propagates, and nothing has been written for it.
     */
    static RecordPlan plan(String id, Optional<VersionedRecord> stored, List<BulkOperation> items, List<Integer> positions,
                           MergeGuard guard) {
        RecordPlan plan = new RecordPlan(id, stored);
        for (int position : positions) {
            plan.apply(position, items.get(position), guard);
        }
        return plan;
    }

    private void apply(int position, BulkOperation item, MergeGuard guard) {
        if (item instanceof BulkOperation.Create create) {
            if (state != null) {
                step(position, ItemOutcome.Status.ALREADY_EXISTS, state);
            } else {
                written(position, ItemOutcome.Status.CREATED, create.source());
            }
        } else if (item instanceof BulkOperation.Delete) {
            if (state == null) {
                step(position, ItemOutcome.Status.NOT_FOUND, null);
            } else {
                state = null;
                changed = true;
                step(position, ItemOutcome.Status.DELETED, null);
            }
        } else if (item instanceof BulkOperation.Merge merge) {
            Optional<StoredEntity> shown = Optional.ofNullable(state)
                    .map(s -> new StoredEntity(id, s.deepCopy(), shownSeqNo(), shownVersion(), shownTerm()));
            MergeDecision decision = guard.apply(merge.merge(), shown);
            switch (decision.kind()) {
                case NOT_FOUND -> step(position, ItemOutcome.Status.NOT_FOUND, null);
                case NOOP -> step(position, state == null ? ItemOutcome.Status.NOT_FOUND : ItemOutcome.Status.NOOP, state);
                case WRITE -> written(position, state == null ? ItemOutcome.Status.CREATED : ItemOutcome.Status.UPDATED,
                        decision.source());
            }
        } else {
            throw new IllegalArgumentException("unknown bulk operation " + item);
        }
    }

    private void written(int position, ItemOutcome.Status status, ObjectNode source) {
        state = source;
        changed = true;
        step(position, status, source);
    }

    private void step(int position, ItemOutcome.Status status, ObjectNode source) {
        // A copy per step: later items may change the state, and outcomes are their receivers' own.
        steps.add(new Step(position, status, source == null ? null : source.deepCopy(), !changed));
    }

    private long shownSeqNo() {
        return changed || stored.isEmpty() ? -1 : stored.get().seqNo();
    }

    private long shownVersion() {
        return changed || stored.isEmpty() ? 0 : stored.get().entity().version();
    }

    private long shownTerm() {
        return changed || stored.isEmpty() ? StoredEntity.NO_TERM : stored.get().primaryTerm();
    }

    String id() {
        return id;
    }

    Optional<VersionedRecord> stored() {
        return stored;
    }

    /** The record after every item, or {@code null} if it ends absent. */
    ObjectNode finalState() {
        return state;
    }

    List<Step> steps() {
        return steps;
    }

    Write write() {
        if (!changed) {
            return Write.NONE;
        }
        if (stored.isPresent()) {
            return state == null ? Write.DELETE : Write.REPLACE;
        }
        return state == null ? Write.NONE : Write.CREATE;
    }

    /**
     * The items' outcomes once the write is done.
     *
     * @param seqNo   the write's sequence number ({@code -1} if nothing was written)
     * @param version the write's version ({@code 0} if nothing was written)
     * @param term    the write's primary term ({@link StoredEntity#NO_TERM} if nothing was written)
     */
    void outcomes(long seqNo, long version, long term, ItemOutcome[] into) {
        for (Step step : steps) {
            Optional<StoredEntity> entity = Optional.empty();
            if (step.source() != null) {
                entity = Optional.of(step.storedState() && stored.isPresent()
                        ? new StoredEntity(id, step.source(), stored.get().seqNo(), stored.get().entity().version(),
                                stored.get().primaryTerm())
                        : new StoredEntity(id, step.source(), seqNo, version, term));
            }
            into[step.position()] = new ItemOutcome(id, step.status(), entity);
        }
    }
}
