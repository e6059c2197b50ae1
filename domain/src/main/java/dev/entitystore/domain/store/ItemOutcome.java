package dev.entitystore.domain.store;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What one item of {@link EntityStore#bulk} did: the item's record id, what happened to it, and the record
 * after the item: written or unchanged ({@code NOOP}, {@code ALREADY_EXISTS} shows the existing one);
 * empty for {@code NOT_FOUND} and {@code DELETED}.
 */
public final class ItemOutcome {
    /** The statuses of a bulk item. */
    public enum Status { CREATED, UPDATED, NOOP, NOT_FOUND, ALREADY_EXISTS, DELETED }

    private final String id;
    private final Status status;
    private final OutcomeRecord entity;

    public ItemOutcome(String id, Status status, Optional<StoredEntity> entity) {
        this(id, status, new OutcomeRecord(Objects.requireNonNull(entity, "entity")));
    }

    /** An outcome whose record is made by {@code entity} when first asked for ({@link OutcomeRecord}). */
    public static ItemOutcome deferred(String id, Status status, Supplier<Optional<StoredEntity>> entity) {
        return new ItemOutcome(id, status, new OutcomeRecord(Objects.requireNonNull(entity, "entity")));
    }

    private ItemOutcome(String id, Status status, OutcomeRecord entity) {
        this.id = Objects.requireNonNull(id, "id");
        this.status = Objects.requireNonNull(status, "status");
        this.entity = entity;
    }

    public String id() {
        return id;
    }

    public Status status() {
        return status;
    }

    public Optional<StoredEntity> entity() {
        return entity.get();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ItemOutcome other && id.equals(other.id) && status == other.status
                && entity().equals(other.entity());
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, status, entity());
    }

    @Override
    public String toString() {
        return "ItemOutcome[id=" + id + ", status=" + status + ", entity=" + entity() + "]";
    }
}
