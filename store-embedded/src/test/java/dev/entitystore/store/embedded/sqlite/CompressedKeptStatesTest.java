package dev.entitystore.store.embedded.sqlite;

import java.nio.file.Path;

/** {@link KeptStatesTest} on a store that compresses its text from the first write ({@link CompressedStores}). */
class CompressedKeptStatesTest extends KeptStatesTest {
    @Override
    SqliteEntityStore open(Path dir) {
        return CompressedStores.open(dir);
    }
}
