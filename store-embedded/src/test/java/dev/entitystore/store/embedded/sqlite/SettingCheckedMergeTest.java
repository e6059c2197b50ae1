package dev.entitystore.store.embedded.sqlite;

import dev.entitystore.domain.store.EntityStore;
import dev.entitystore.domain.store.contract.SettingCheckedMergeContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SettingCheckedMergeTest extends SettingCheckedMergeContract {
    @TempDir
    Path dataDir;

    @Override
    protected EntityStore openStore() {
        return SqliteEntityStore.open(dataDir);
    }
}
