package dev.entitystore.store.embedded.sqlite;

import dev.entitystore.domain.store.EntityStore;

/** {@link CreateMergeDeleteTest} on a store that compresses its text from the first write ({@link CompressedStores}). */
class CompressedCreateMergeDeleteTest extends CreateMergeDeleteTest {
    @Override
    protected EntityStore openStore() {
        return CompressedStores.open(dataDir);
    }
}
