package dev.entitystore.store.embedded.sqlite;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** A fresh store in a temporary data directory per test, closed afterwards. */
abstract class StoreTestSupport {
    @TempDir
    Path dataDir;

    SqliteEntityStore store;

    SqliteEntityStore openStore() {
        store = SqliteEntityStore.open(dataDir);
        return store;
    }

    SqliteEntityStore reopen() {
        store.close();
        return openStore();
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }
}
