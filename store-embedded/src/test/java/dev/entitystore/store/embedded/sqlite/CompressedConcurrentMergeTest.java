package dev.entitystore.store.embedded.sqlite;

import dev.entitystore.domain.store.EntityStore;

/** {@link ConcurrentMergeTest} on a store that compresses its text from the first write ({@link CompressedStores}). */
class CompressedConcurrentMergeTest extends ConcurrentMergeTest {
    @Override
    protected EntityStore openStore() {
        return CompressedStores.open(dataDir);
    }
}
