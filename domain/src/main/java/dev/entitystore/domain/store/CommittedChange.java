package dev.entitystore.domain.store;

import java.util.Objects;

/**
 * One change exactly as a store committed it, for a follower (the search index) that must apply every
 * write in commit order.
 *
 * @param seqNo the change's sequence number
 * @param kind  what changed
 * @param space the space
 * @param id    the record's id; {@code null} for {@link Change.Kind#SPACE_DELETED}
 * @param json  the record as stored (JSON), for {@link Change.Kind#UPSERT} only, else {@code null}
 */
public record CommittedChange(long seqNo, Change.Kind kind, String space, String id, String json) {
    public CommittedChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(space, "space");
    }

    public static CommittedChange upsert(long seqNo, String space, String id, String json) {
        return new CommittedChange(seqNo, Change.Kind.UPSERT, space, Objects.requireNonNull(id), Objects.requireNonNull(json));
    }

    public static CommittedChange delete(long seqNo, String space, String id) {
        return new CommittedChange(seqNo, Change.Kind.DELETE, space, Objects.requireNonNull(id), null);
    }

    public static CommittedChange spaceDeleted(long seqNo, String space) {
        return new CommittedChange(seqNo, Change.Kind.SPACE_DELETED, space, null, null);
    }
}
