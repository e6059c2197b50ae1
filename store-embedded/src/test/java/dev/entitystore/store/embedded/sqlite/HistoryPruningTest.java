package dev.entitystore.store.embedded.sqlite;

import dev.entitystore.domain.store.EntityStore;
import dev.entitystore.domain.store.contract.HistoryPruningContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** {@link HistoryPruningContract} on the embedded store: the prune runs through the group-commit writer. */
class HistoryPruningTest extends HistoryPruningContract {
    @TempDir
    Path dataDir;

    @Override
    protected EntityStore openStore() {
        return SqliteEntityStore.open(dataDir);
    }
}
