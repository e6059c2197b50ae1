package dev.entitystore.domain.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A page of {@link EntityStore#scan}, ordered by id.
 *
 * @param entities   the records, at most the asked limit
 * @param nextAfterId the id to pass as {@code afterId} for the next page; empty when this page was the last
 */
public record EntityPage(List<StoredEntity> entities, Optional<String> nextAfterId) {
    public EntityPage {
        entities = List.copyOf(entities);
        Objects.requireNonNull(nextAfterId, "nextAfterId");
    }
}
