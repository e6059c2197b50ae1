package dev.entitystore.domain.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A page of {@link EntityStore#scanJson}: records as their stored JSON, ordered by id.
 *
 * @param records     each record's id and UTF-8 JSON object, at most the asked limit
 * @param nextAfterId the id to pass as {@code afterId} for the next page; empty when this page was the last
 */
public record StoredJson(List<Record> records, Optional<String> nextAfterId) {
    public StoredJson {
        records = List.copyOf(records);
        Objects.requireNonNull(nextAfterId, "nextAfterId");
    }

    /** One record: its storage id and its source, a JSON object in UTF-8 (never modified by readers). */
    public record Record(String id, byte[] json) {
    }
}
