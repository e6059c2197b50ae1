package dev.entitystore.store.embedded.sqlite;


/** {@link ChangeRecordsTest} on a store that compresses its text from the first write ({@link CompressedStores}). */
class CompressedChangeRecordsTest extends ChangeRecordsTest {
    @Override
    SqliteEntityStore openStore() {
        store = CompressedStores.open(dataDir);
        return store;
    }
}
