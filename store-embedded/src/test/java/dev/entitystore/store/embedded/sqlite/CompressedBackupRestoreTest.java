package dev.entitystore.store.embedded.sqlite;

/** {@link BackupRestoreTest} on a store that compresses its text: a restored copy reads it with the dictionary it carries. */
class CompressedBackupRestoreTest extends BackupRestoreTest {
    @Override
    SqliteEntityStore openStore() {
        store = CompressedStores.open(dataDir);
        return store;
    }
}
