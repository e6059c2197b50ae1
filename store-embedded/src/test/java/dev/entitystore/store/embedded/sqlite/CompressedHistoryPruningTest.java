package dev.entitystore.store.embedded.sqlite;

import dev.entitystore.domain.store.EntityStore;

/** {@link HistoryPruningTest} on a store that compresses its text from the first write ({@link CompressedStores}). */
class CompressedHistoryPruningTest extends HistoryPruningTest {
    @Override
    protected EntityStore openStore() {
        return CompressedStores.open(dataDir);
    }
}
