package dev.entitystore.store.embedded.sqlite;

import static dev.entitystore.domain.store.TestJson.obj;
import static org.assertj.core.api.Assertions.assertThat;

import dev.entitystore.domain.store.BulkOperation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Committed pages reach the database file by the background checkpoint, not only at close. */
class WalCheckpointerTest extends StoreTestSupport {

    @Test
    void committed_writes_are_copied_into_the_database_file_while_the_store_runs() throws Exception {
        openStore();
        Path dbFile = dataDir.resolve(SqliteEntityStore.DB_FILE_NAME);
        long before = Files.size(dbFile);
        List<BulkOperation> creates = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            creates.add(BulkOperation.create("r" + i, obj("padding", "x".repeat(1_000), "n", i)));
        }

        store.bulk("default", creates);

        // Far below the writer's own checkpoint (16,384 pages): only the background one copies these.
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (Files.size(dbFile) < before + 500_000 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(Files.size(dbFile)).isGreaterThan(before + 500_000);
    }
}
