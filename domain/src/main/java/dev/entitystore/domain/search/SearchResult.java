package dev.entitystore.domain.search;

import java.util.List;

/**
 * A page of results.
 *
 * @param hits  the entities, in sort order
 * @param total how many entities match in all, or -1 when not counted
 */
public record SearchResult(List<SearchHit> hits, long total) {
    public SearchResult {
        hits = List.copyOf(hits);
    }

    public static SearchResult empty() {
        return new SearchResult(List.of(), 0);
    }
}
