package dev.entitystore.domain.history;

import java.util.List;
import java.util.Optional;

/**
 * A page of one record's changes, newest first. A store that keeps changes in the answer's shape hands them
 * over as its stored text ({@link FeedChange}); {@link #changes} parses them for whoever looks inside.
 *
 * @param entries the changes, each as the history route answers it
 * @param next    the cursor of the next page (the last change's seq) when the page is full, else empty
 */
public record HistoryPage(List<FeedChange> entries, Optional<Long> next) {
    public HistoryPage {
        entries = List.copyOf(entries);
    }

    /** A page of {@code changes} read parsed, cut at {@code size}: full pages carry their last seq as the cursor. */
    public static HistoryPage of(List<EntityChange> changes, int size) {
        return ofEntries(changes.stream().map(FeedChange::of).toList(), size);
    }

    /** A page of {@code entries} cut at {@code size}: full pages carry their last seq as the cursor. */
    public static HistoryPage ofEntries(List<FeedChange> entries, int size) {
        return new HistoryPage(entries, entries.size() == size
                ? Optional.of(entries.get(entries.size() - 1).seq())
                : Optional.empty());
    }

    /** The changes, parsed (each entry's {@link FeedChange#change}). */
    public List<EntityChange> changes() {
        return entries.stream().map(FeedChange::change).toList();
    }

    /** Whether the page holds no change. */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The entity type of the newest change of a page that is not empty (nothing parsed when its store can tell). */
    public String firstEntityType() {
        return entries.get(0).entityType();
    }
}
