package dev.entitystore.domain.search;

import java.util.Objects;

/**
 * The primary sort of a search. Every search ends with a tie-breaker unique to the entity's current
 * version (the embedded index uses the seqNo of its last write, descending with a descending sort), so
 * that equal sort values still give one stable order: pages neither repeat nor skip entities.
 * Multi-valued fields sort on their lowest value ascending and highest descending; entities without a
 * value come last either way (Elasticsearch's defaults).
 */
public record SearchSort(String field, boolean descending) {
    public static final String TIMESTAMP = "@timestamp";

    public SearchSort {
        Objects.requireNonNull(field, "field");
    }

    /** Newest first: the cursor listing's order. */
    public static SearchSort newestFirst() {
        return new SearchSort(TIMESTAMP, true);
    }
}
