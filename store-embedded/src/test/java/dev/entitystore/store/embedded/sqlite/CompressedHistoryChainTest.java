package dev.entitystore.store.embedded.sqlite;

import java.nio.file.Path;

/** {@link HistoryChainTest} on a store that compresses its text from the first write ({@link CompressedStores}). */
class CompressedHistoryChainTest extends HistoryChainTest {
    @Override
    SqliteEntityStore open(Path dir) {
        return CompressedStores.open(dir);
    }
}
