package dev.entitystore.domain.history;

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
}
