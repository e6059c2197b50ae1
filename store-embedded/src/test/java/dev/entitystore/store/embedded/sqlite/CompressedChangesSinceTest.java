package dev.entitystore.store.embedded.sqlite;


/** {@link ChangesSinceTest} on a store that compresses its text from the first write ({@link CompressedStores}). */
class CompressedChangesSinceTest extends ChangesSinceTest {
    @Override
    SqliteEntityStore openStore() {
        store = CompressedStores.open(dataDir);
        return store;
    }
}
