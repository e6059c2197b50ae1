package dev.entitystore.domain.search;

import dev.entitystore.domain.query.Query;
import java.util.List;
import java.util.Objects;

/**
 * One search.
 *
 * @param space       the space searched
 * @param query       which entities
 * @param sort        in which order (then {@code _id})
 * @param searchAfter the sort values of the last entity of the previous page (see {@link SearchHit#sortValues}),
 *                    or {@code null} to start from the beginning
 * @param from        how many of the first matches to skip (page mode)
 * @param size        how many to return, at least 0
 * @param countTotal  whether to count every match
 */
public record SearchRequest(String space, Query query, SearchSort sort, List<Object> searchAfter, int from, int size,
                            boolean countTotal) {
    public SearchRequest {
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(sort, "sort");
        if (from < 0 || size < 0) {
            throw new IllegalArgumentException("from and size must not be negative");
        }
    }
}
