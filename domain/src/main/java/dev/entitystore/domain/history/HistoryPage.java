package dev.entitystore.domain.history;

import java.util.List;
import java.util.Optional;

/**
 * A page of one record's changes, newest first.
 *
 * @param changes the changes
 * @param next    the cursor of the next page (the last change's seq) when the page is full, else empty
 */
public record HistoryPage(List<EntityChange> changes, Optional<Long> next) {
    public HistoryPage {
        changes = List.copyOf(changes);
    }

    /** A page of {@code changes} cut at {@code size}: full pages carry their last seq as the cursor. */
    public static HistoryPage of(List<EntityChange> changes, int size) {
        return new HistoryPage(changes, changes.size() == size
                ? Optional.of(changes.get(changes.size() - 1).seq())
                : Optional.empty());
    }
}
