package dev.entitystore.store.embedded.sqlite;

import dev.entitystore.domain.store.EntityStore;

/** {@link BulkTest} on a store that compresses its text from the first write ({@link CompressedStores}). */
class CompressedBulkTest extends BulkTest {
    @Override
    protected EntityStore openStore() {
        return CompressedStores.open(dataDir);
    }
}
