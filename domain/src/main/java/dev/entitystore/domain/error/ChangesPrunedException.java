package dev.entitystore.domain.error;

import java.util.Optional;

/**
 * A change-feed cursor points before changes that history retention removed: going on from it would silently
 * skip them. Names the cursor asked for and the oldest cursor from which the feed is still complete.
 */
public class ChangesPrunedException extends EntityStoreException {
    private final String cursor;
    private final long oldestCursor;

    /**
     * @param cursor       the cursor the request named ({@code since} or {@code Last-Event-ID}), null for the start
     * @param oldestCursor the seq of the newest change ever pruned in the space
     */
    public ChangesPrunedException(String cursor, long oldestCursor) {
        super((cursor == null ? "The change feed's start" : "Change feed cursor '" + cursor + "'")
                + " is older than the history retention kept: changes through cursor '" + oldestCursor
                + "' were pruned. Read the current records, then follow the feed from cursor '" + oldestCursor + "'");
        this.cursor = cursor;
        this.oldestCursor = oldestCursor;
    }

    /** The cursor the request named, empty when it asked from the start. */
    public Optional<String> cursor() {
        return Optional.ofNullable(cursor);
    }

    /** The oldest cursor the feed still answers in full. */
    public long oldestCursor() {
        return oldestCursor;
    }
}
