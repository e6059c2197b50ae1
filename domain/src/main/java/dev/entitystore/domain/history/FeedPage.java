package dev.entitystore.domain.history;

import java.util.List;

/**
 * A stretch of one space's change feed, in store order.
 *
 * @param entries the changes, oldest first, each as the feed answers it
 * @param through the cursor to go on from: the seq of the last change the store looked at for this read
 *                (past changes of other spaces or types skipped on the way), never below the cursor asked from
 */
public record FeedPage(List<FeedChange> entries, long through) {
    public FeedPage {
        entries = List.copyOf(entries);
    }

    /** A page of changes read parsed. */
    public static FeedPage of(List<EntityChange> changes, long through) {
        return new FeedPage(changes.stream().map(FeedChange::of).toList(), through);
    }

    /** The changes, parsed (each entry's {@link FeedChange#change}). */
    public List<EntityChange> changes() {
        return entries.stream().map(FeedChange::change).toList();
    }

    /** Whether the page holds no change. */
    public boolean isEmpty() {
        return entries.isEmpty();
    }
}
