package dev.entitystore.store.embedded.sqlite;

import static dev.entitystore.domain.store.TestJson.obj;
import static org.assertj.core.api.Assertions.assertThat;

import dev.entitystore.domain.store.BulkOperation;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatabaseFileTest extends StoreTestSupport {

    @Test
    void the_database_is_in_wal_mode_with_pages_large_enough_to_keep_records_inline() throws Exception {
        openStore();
        List<BulkOperation> items = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            items.add(BulkOperation.create("host:" + i, obj("filler", "x".repeat(1_100), "i", i)));
        }
        store.bulk("default", items);
        store.close();

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store.dbFile());
             Statement s = c.createStatement()) {
            assertThat(pragma(s, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(s, "page_size")).isEqualTo(String.valueOf(SqliteConnections.PAGE_SIZE));
        }
        // ~2.3 MB of JSON in the records and as much again in their create changes (history): with overflow
        // pages per row (4 KiB pages) the file was ~4x that.
        assertThat(Files.size(store.dbFile())).isLessThan(8_000_000L);
    }

    private static String pragma(Statement s, String name) throws Exception {
        try (ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
