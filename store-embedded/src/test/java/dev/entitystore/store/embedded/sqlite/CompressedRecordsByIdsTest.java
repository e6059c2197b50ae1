package dev.entitystore.store.embedded.sqlite;


/** {@link RecordsByIdsTest} on a store that compresses its text from the first write ({@link CompressedStores}). */
class CompressedRecordsByIdsTest extends RecordsByIdsTest {
    @Override
    SqliteEntityStore openStore() {
        store = CompressedStores.open(dataDir);
        return store;
    }
}
