package dev.entitystore.domain.store;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One change exactly as a store committed it, for a follower (the search index) that must apply every
 * write in commit order.
 *
 * <p>The record travels as the UTF-8 bytes the store wrote: the follower parses those bytes, and a
 * String in between would cost two conversions of every record written.
 *
 * @param seqNo  the change's sequence number
 * @param kind   what changed
 * @param space  the space
 * @param id     the record's id; {@code null} for {@link Change.Kind#SPACE_DELETED}
 * @param source the record as stored (JSON, UTF-8), for {@link Change.Kind#UPSERT} only, else {@code null};
 *               never changed once made
 */
public record CommittedChange(long seqNo, Change.Kind kind, String space, String id, byte[] source) {
    public CommittedChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(space, "space");
    }

    public static CommittedChange upsert(long seqNo, String space, String id, byte[] source) {
        return new CommittedChange(seqNo, Change.Kind.UPSERT, space, Objects.requireNonNull(id), Objects.requireNonNull(source));
    }

    public static CommittedChange upsert(long seqNo, String space, String id, String json) {
        return upsert(seqNo, space, id, json.getBytes(StandardCharsets.UTF_8));
    }

    public static CommittedChange delete(long seqNo, String space, String id) {
        return new CommittedChange(seqNo, Change.Kind.DELETE, space, Objects.requireNonNull(id), null);
    }

    public static CommittedChange spaceDeleted(long seqNo, String space) {
        return new CommittedChange(seqNo, Change.Kind.SPACE_DELETED, space, null, null);
    }

    /** The record as JSON text; {@code null} where {@link #source} is. */
    public String json() {
        return source == null ? null : new String(source, StandardCharsets.UTF_8);
    }
}
