package dev.entitystore.domain.store;

import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the change sequence ({@link ChangeFeed#changesSince}): the current state of a record
 * written at {@code seqNo}, or a tombstone.
 *
 * <p>A record written many times shows up once, at its latest seqNo, with its latest source: a consumer
 * wants the state to catch up to, not the history.
 *
 * @param seqNo  the change's sequence number, unique and increasing across all spaces
 * @param kind   what changed
 * @param space  the space it happened in
 * @param id     the record's id; empty for {@link Kind#SPACE_DELETED}
 * @param entity the record as stored, for {@link Kind#UPSERT} only
 */
public record Change(long seqNo, Kind kind, String space, Optional<String> id, Optional<StoredEntity> entity) {
    /** The kinds of change. */
    public enum Kind {
        /** The record was created or written; {@code entity} holds it. */
        UPSERT,
        /** The record was deleted. */
        DELETE,
        /** Every record of the space was deleted ({@link EntityStore#deleteAll}) up to this seqNo. */
        SPACE_DELETED
    }

    public Change {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(entity, "entity");
    }

    public static Change upsert(String space, StoredEntity entity) {
        return new Change(entity.seqNo(), Kind.UPSERT, space, Optional.of(entity.id()), Optional.of(entity));
    }

    public static Change delete(long seqNo, String space, String id) {
        return new Change(seqNo, Kind.DELETE, space, Optional.of(id), Optional.empty());
    }

    public static Change spaceDeleted(long seqNo, String space) {
        return new Change(seqNo, Kind.SPACE_DELETED, space, Optional.empty(), Optional.empty());
    }
}
