package dev.entitystore.store.embedded.sqlite;

import dev.entitystore.domain.store.EntityStore;
import dev.entitystore.domain.store.contract.ConcurrentMergeContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class ConcurrentMergeTest extends ConcurrentMergeContract {
    @TempDir
    Path dataDir;

    @Override
    protected EntityStore openStore() {
        return SqliteEntityStore.open(dataDir);
    }
}
