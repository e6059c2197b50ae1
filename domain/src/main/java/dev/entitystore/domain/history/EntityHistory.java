package dev.entitystore.domain.history;

import java.util.Set;

/**
 * The storage port for reading the change log: every write of a record leaves one {@link EntityChange},
 * recorded with the write by the store that made it (see each adapter for how atomically).
 */
public interface EntityHistory {
    /**
     * One record's changes, newest first, filtered by {@code query}: at most {@code query.size()}, and a
     * cursor when the page is full. A record deleted keeps its changes.
     */
    HistoryPage changes(String space, String id, HistoryQuery query);

    /**
     * The space's changes after {@code afterSeq}, oldest first: at most {@code size}, only of the given
     * entity types (all when empty). Only changes that no earlier change can still appear before are
     * answered, so a follower that goes on from {@link FeedPage#through} never misses one.
     */
    FeedPage since(String space, long afterSeq, int size, Set<String> entityTypes);
}
