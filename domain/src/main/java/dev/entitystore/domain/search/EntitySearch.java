package dev.entitystore.domain.search;

/**
 * The search port: filtered, sorted pages of a space's entities. The embedded adapter is a Lucene index
 * that follows the store's commits; a distributed backend answers the same requests its own way.
 *
 * <p>Contract: a write is visible to {@link #search} once the write's call has returned; a space's entities
 * are never seen from another space.
 */
public interface EntitySearch {
    SearchResult search(SearchRequest request);
}
