package dev.entitystore.domain.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * What an {@link EntityMerge} wants done with the record it was shown.
 *
 * <p>There is no separate "create": {@link #write} on an absent record creates it (outcome
 * {@code CREATED}), on a present one replaces it (outcome {@code UPDATED}). The function saw the current
 * state under the store's write ordering, so it already knows which of the two it asks for.
 */
public final class MergeDecision {
    /** The kinds of decision. */
    public enum Kind { WRITE, NOT_FOUND, NOOP }

    private static final MergeDecision NOT_FOUND = new MergeDecision(Kind.NOT_FOUND, null);
    private static final MergeDecision NOOP = new MergeDecision(Kind.NOOP, null);

    private final Kind kind;
    private final ObjectNode source;

    private MergeDecision(Kind kind, ObjectNode source) {
        this.kind = kind;
        this.source = source;
    }

    /** Store this as the record's new source (creating the record if it was absent). */
    public static MergeDecision write(ObjectNode source) {
        return new MergeDecision(Kind.WRITE, Objects.requireNonNull(source, "source"));
    }

    /** The record is missing and the caller wants it reported so; nothing is written. */
    public static MergeDecision notFound() {
        return NOT_FOUND;
    }

    /** Nothing to change; nothing is written and the record keeps its seqNo and version. */
    public static MergeDecision noop() {
        return NOOP;
    }

    public Kind kind() {
        return kind;
    }

    /** The source to write; only for {@link Kind#WRITE}. */
    public ObjectNode source() {
        if (kind != Kind.WRITE) {
            throw new IllegalStateException("a " + kind + " decision has no source");
        }
        return source;
    }

    @Override
    public String toString() {
        return "MergeDecision[" + kind + "]";
    }
}
