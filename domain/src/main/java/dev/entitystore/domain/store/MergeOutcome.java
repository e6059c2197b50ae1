package dev.entitystore.domain.store;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What {@link EntityStore#merge} did: its status, and the record as stored after the merge: the new one
 * for {@code UPDATED}/{@code CREATED}, the unchanged one for {@code NOOP}, empty for {@code NOT_FOUND}.
 */
public final class MergeOutcome {
    /** The statuses of a merge. */
    public enum Status { UPDATED, CREATED, NOOP, NOT_FOUND }

    private final Status status;
    private final OutcomeRecord entity;

    public MergeOutcome(Status status, Optional<StoredEntity> entity) {
        this(status, new OutcomeRecord(Objects.requireNonNull(entity, "entity")));
    }

    /** An outcome whose record is made by {@code entity} when first asked for ({@link OutcomeRecord}). */
    public static MergeOutcome deferred(Status status, Supplier<Optional<StoredEntity>> entity) {
        return new MergeOutcome(status, new OutcomeRecord(Objects.requireNonNull(entity, "entity")));
    }

    private MergeOutcome(Status status, OutcomeRecord entity) {
        this.status = Objects.requireNonNull(status, "status");
        this.entity = entity;
    }

    public Status status() {
        return status;
    }

    public Optional<StoredEntity> entity() {
        return entity.get();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MergeOutcome other && status == other.status && entity().equals(other.entity());
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, entity());
    }

    @Override
    public String toString() {
        return "MergeOutcome[status=" + status + ", entity=" + entity() + "]";
    }
}
