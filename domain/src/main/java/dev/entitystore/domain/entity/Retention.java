package dev.entitystore.domain.entity;

/**
 * How a field keeps its values when new ones arrive (Kibana's retention operators). Only {@code collect}
 * has a length limit; the v1 merge honours it, the v2 partial update ignores retention altogether.
 */
public record Retention(Kind kind, int maxLength) {

    public enum Kind {
        /** Distinct values, stored first, cut to {@link #maxLength()}. */
        COLLECT,
        /** The newest value wins. */
        NEWEST,
        /** The oldest value wins. */
        OLDEST
    }

    /** Kibana's default {@code fieldHistoryLength}, used where a definition names no limit. */
    public static final int DEFAULT_COLLECT_LENGTH = 10;

    public Retention {
        if (kind == Kind.COLLECT && maxLength < 1) {
            throw new IllegalArgumentException("collect needs a positive limit, got " + maxLength);
        }
        if (kind != Kind.COLLECT && maxLength != 0) {
            throw new IllegalArgumentException(kind + " has no limit");
        }
    }

    public static Retention collect(int maxLength) {
        return new Retention(Kind.COLLECT, maxLength);
    }

    public static Retention newest() {
        return new Retention(Kind.NEWEST, 0);
    }

    public static Retention oldest() {
        return new Retention(Kind.OLDEST, 0);
    }

    public boolean isCollect() {
        return kind == Kind.COLLECT;
    }
}
