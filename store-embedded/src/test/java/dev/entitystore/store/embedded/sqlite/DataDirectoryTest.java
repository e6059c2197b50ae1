package dev.entitystore.store.embedded.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entitystore.domain.store.StoreOpenException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {
    @TempDir
    Path tmp;

    @Test
    void a_data_directory_that_cannot_be_created_fails_with_one_line_naming_it() throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        Path dataDir = file.resolve("data");

        assertThatThrownBy(() -> SqliteEntityStore.open(dataDir))
                .isInstanceOf(StoreOpenException.class)
                .hasMessageStartingWith("Cannot create data directory " + dataDir)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void a_data_directory_that_is_a_file_fails_with_one_line_naming_it() throws Exception {
        Path file = Files.writeString(tmp.resolve("data"), "x");

        assertThatThrownBy(() -> SqliteEntityStore.open(file))
                .isInstanceOf(StoreOpenException.class)
                .hasMessageContaining(file.toString())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void a_missing_data_directory_is_created() {
        Path dataDir = tmp.resolve("nested/data");

        try (SqliteEntityStore store = SqliteEntityStore.open(dataDir)) {
            assertThat(store.dbFile()).isEqualTo(dataDir.toAbsolutePath().resolve(SqliteEntityStore.DB_FILE_NAME));
        }
        assertThat(dataDir.resolve(SqliteEntityStore.DB_FILE_NAME)).isRegularFile();
    }

    @Test
    void a_data_directory_in_use_by_an_open_store_is_refused_until_it_is_closed() {
        try (SqliteEntityStore first = SqliteEntityStore.open(tmp)) {
            assertThatThrownBy(() -> SqliteEntityStore.open(tmp))
                    .isInstanceOf(StoreOpenException.class)
                    .hasMessage("Data directory " + tmp.toAbsolutePath() + " is in use by another Entity Store");
        }
        SqliteEntityStore.open(tmp).close();
    }

    @Test
    void a_file_that_is_not_a_database_fails_with_one_line_naming_it() throws Exception {
        Files.writeString(tmp.resolve(SqliteEntityStore.DB_FILE_NAME), "this is not a database, just text ".repeat(200));

        assertThatThrownBy(() -> SqliteEntityStore.open(tmp))
                .isInstanceOf(StoreOpenException.class)
                .hasMessageContaining(tmp.resolve(SqliteEntityStore.DB_FILE_NAME).toString())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
