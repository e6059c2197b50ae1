package dev.entitystore.domain.store;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@link EntityStore#merge} did.
 *
 * @param status what happened
 * @param entity the record as stored after the merge: the new one for {@code UPDATED}/{@code CREATED},
 *               the unchanged one for {@code NOOP}, empty for {@code NOT_FOUND}
 */
public record MergeOutcome(Status status, Optional<StoredEntity> entity) {
    /** The statuses of a merge. */
    public enum Status { UPDATED, CREATED, NOOP, NOT_FOUND }

    public MergeOutcome {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(entity, "entity");
    }
}
