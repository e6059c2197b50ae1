package dev.entitystore.store.embedded.search;

import java.util.List;
import java.util.Map;

/**
 * Where a search reads the records it answers with: the store ({@code ChangeFeed#records}). The index
 * keeps no copy of them, since writing, merging and re-merging ~1 KB per entity was a quarter of its
 * merge work; the store reads a page of 100 in about a millisecond.
 */
@FunctionalInterface
interface RecordLookup {
    /** The records of {@code ids} in {@code space} as stored now, as JSON text; ids with no record are left out. */
    Map<String, byte[]> storedJson(String space, List<String> ids);
}
