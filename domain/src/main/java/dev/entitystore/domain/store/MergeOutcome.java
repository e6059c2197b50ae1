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

    /** The version of a record that is absent: {@link #version} has none to give. */
    private static final long NO_RECORD = -1;

    private final Status status;
    private final OutcomeRecord entity;
    private final long version;

    public MergeOutcome(Status status, Optional<StoredEntity> entity) {
        this(status, new OutcomeRecord(Objects.requireNonNull(entity, "entity")),
                entity.map(StoredEntity::version).orElse(NO_RECORD));
    }

    /**
     * An outcome whose record (present, at {@code version}) is made by {@code entity} when first asked for
     * ({@link OutcomeRecord}); {@link #version} does not make it.
     */
    public static MergeOutcome deferred(Status status, long version, Supplier<Optional<StoredEntity>> entity) {
        return new MergeOutcome(status, new OutcomeRecord(Objects.requireNonNull(entity, "entity")), version);
    }

    private MergeOutcome(Status status, OutcomeRecord entity, long version) {
        this.status = Objects.requireNonNull(status, "status");
        this.entity = entity;
        this.version = version;
    }

    /**
     * The version of the record after the merge, without making the record (most writers answer only it).
     *
     * @throws java.util.NoSuchElementException when there is no record ({@code NOT_FOUND})
     */
    public long version() {
        if (version == NO_RECORD) {
            throw new java.util.NoSuchElementException("no record after a " + status + " merge");
        }
        return version;
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
