package dev.entitystore.store.opensearch.search;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The mappings of the entity indices, kept between searches: reading one costs a round trip, and a
 * mapped field's type never changes. New fields do appear (dynamic mapping), so a search whose query
 * names a field the kept mapping lacks, or a pattern over its fields, reads it again
 * ({@link #fresh}); a kept mapping is also dropped after a few seconds, in case its index was deleted
 * and created again with other types.
 */
final class IndexMappings {
    static final long MAX_AGE_NANOS = 5_000_000_000L;

    private final SearchCalls calls;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<String, Kept> kept = new ConcurrentHashMap<>();

    private record Kept(IndexMapping mapping, long readAt) {
    }

    /** A mapping and whether it was read just now; {@code mapping} is {@code null} when the index does not exist. */
    record Lookup(IndexMapping mapping, boolean fresh) {
    }

    IndexMappings(SearchCalls calls, LongSupplier nanoTime) {
        this.calls = calls;
        this.nanoTime = nanoTime;
    }

    /** The kept mapping if it is recent, else a fresh one. */
    Lookup get(String index) {
        Kept current = kept.get(index);
        if (current != null && nanoTime.getAsLong() - current.readAt() < MAX_AGE_NANOS) {
            return new Lookup(current.mapping(), false);
        }
        return new Lookup(fresh(index), true);
    }

    /** Reads the mapping now; {@code null} when the index does not exist (nothing is kept then). */
    IndexMapping fresh(String index) {
        long now = nanoTime.getAsLong();
        JsonNode mappings = calls.mapping(index);
        if (mappings == null) {
            kept.remove(index);
            return null;
        }
        IndexMapping mapping = IndexMapping.of(mappings);
        kept.put(index, new Kept(mapping, now));
        return mapping;
    }

    void forget(String index) {
        kept.remove(index);
    }
}
