package dev.entitystore.domain.history;

import java.util.List;

/**
 * A stretch of one space's change feed, in store order.
 *
 * @param changes the changes, oldest first
 * @param through the cursor to go on from: the seq of the last change the store looked at for this read
 *                (past changes of other spaces or types skipped on the way), never below the cursor asked from
 */
public record FeedPage(List<EntityChange> changes, long through) {
    public FeedPage {
        changes = List.copyOf(changes);
    }
}
