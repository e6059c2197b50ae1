package dev.entitystore.domain.store;

import java.util.Objects;
import java.util.Optional;

/**
 * What one item of {@link EntityStore#bulk} did.
 *
 * @param id     the item's record id
 * @param status what happened to it
 * @param entity the record after the item: written or unchanged ({@code NOOP}, {@code ALREADY_EXISTS}
 *               shows the existing one); empty for {@code NOT_FOUND} and {@code DELETED}
 */
public record ItemOutcome(String id, Status status, Optional<StoredEntity> entity) {
    /** The statuses of a bulk item. */
    public enum Status { CREATED, UPDATED, NOOP, NOT_FOUND, ALREADY_EXISTS, DELETED }

    public ItemOutcome {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(entity, "entity");
    }
}
