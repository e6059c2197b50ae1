package dev.entitystore.store.embedded.sqlite;

import static dev.entitystore.domain.store.TestJson.obj;
import static dev.entitystore.domain.store.TestJson.updateField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entitystore.domain.history.EntityChange;
import dev.entitystore.domain.history.HistoryQuery;
import dev.entitystore.domain.store.StoreOpenException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaMigrationTest {
    @TempDir
    Path dataDir;

    private static final SqliteSchema.Migration PROBE = new SqliteSchema.Migration(
            SqliteSchema.MIGRATIONS.size() + 1, "test probe",
            List.of("CREATE TABLE probe (n INTEGER)", "INSERT INTO probe VALUES (1)"));

    private static SqliteSchema withProbe() {
        List<SqliteSchema.Migration> migrations = new ArrayList<>(SqliteSchema.MIGRATIONS);
        migrations.add(PROBE);
        return new SqliteSchema(migrations);
    }

    @Test
    void opening_an_existing_database_does_not_run_its_migrations_again() throws Exception {
        SqliteEntityStore.open(dataDir, withProbe()).close();
        String appliedAt = query("SELECT applied_at FROM schema_version WHERE version = 1");

        // Re-running the probe would fail (its table exists) or insert a second row.
        try (SqliteEntityStore store = SqliteEntityStore.open(dataDir, withProbe())) {
            store.create("default", "a", obj());
        }

        assertThat(query("SELECT COUNT(*) FROM probe")).isEqualTo("1");
        assertThat(query("SELECT COUNT(*) FROM schema_version")).isEqualTo(String.valueOf(PROBE.version()));
        assertThat(query("SELECT applied_at FROM schema_version WHERE version = 1")).isEqualTo(appliedAt);
    }

    @Test
    void a_database_of_an_older_build_gets_only_the_migrations_it_lacks_and_keeps_its_data() throws Exception {
        try (SqliteEntityStore store = SqliteEntityStore.open(dataDir)) {
            store.create("default", "a", obj("kept", true));
        }

        try (SqliteEntityStore store = SqliteEntityStore.open(dataDir, withProbe())) {
            assertThat(store.get("default", "a").orElseThrow().source()).isEqualTo(obj("kept", true));
        }

        assertThat(query("SELECT COUNT(*) FROM probe")).isEqualTo("1");
        assertThat(query("SELECT MAX(version) FROM schema_version")).isEqualTo(String.valueOf(PROBE.version()));
    }

    /**
     * Migrations 3 and 4 on a version 2 database (made here by undoing them on a current one): the two
     * indexes by seq and by record go, where the change log begins is kept, and every change is linked to
     * the record's previous one, so histories read as before, a deleted record's included.
     */
    @Test
    void a_version_2_database_keeps_its_histories_and_loses_its_seq_and_record_indexes() throws Exception {
        try (SqliteEntityStore store = SqliteEntityStore.open(dataDir)) {
            store.create("default", "old", obj());                      // 1: its change goes below, as if older than the log
            store.create("default", "a", obj("v", 1));                  // 2
            store.merge("default", "a", updateField("v", 2));           // 3
            store.create("default", "gone", obj());                     // 4
            store.delete("default", "gone");                            // 5
        }
        execute("DELETE FROM changes WHERE seq = 1", "DROP TABLE deleted_heads", "ALTER TABLE changes DROP COLUMN prev",
                "CREATE UNIQUE INDEX entities_by_seq ON entities (seq)",
                "CREATE INDEX changes_by_record ON changes (space, id, seq)",
                "DELETE FROM store_meta WHERE key = 'change_log_from'", "DROP TABLE change_states", "DROP TABLE text_dictionaries",
                "DROP TABLE idempotency_answers", "DELETE FROM schema_version WHERE version > 2");

        try (SqliteEntityStore store = SqliteEntityStore.open(dataDir)) {
            assertThat(store.followsFrom(0)).isFalse();
            assertThat(store.followsFrom(1)).isTrue();
            assertThat(store.changesSince(1, 10).changes()).extracting(ch -> ch.id().orElseThrow()).containsExactly("a", "gone");
            assertThat(store.lastSeqNo()).isEqualTo(5);
            assertThat(seqs(store, "a")).containsExactly(3L, 2L);
            assertThat(seqs(store, "gone")).containsExactly(5L, 4L);
            assertThat(seqs(store, "old")).isEmpty();
            store.create("default", "gone", obj("back", true));        // 6: its history goes on from its delete
            assertThat(seqs(store, "gone")).containsExactly(6L, 5L, 4L);
        }
        assertThat(query("SELECT COUNT(*) FROM sqlite_master WHERE name IN ('entities_by_seq', 'changes_by_record')")).isEqualTo("0");
        assertThat(query("SELECT value FROM store_meta WHERE key = 'change_log_from'")).isEqualTo("1");
        assertThat(query("SELECT prev FROM changes WHERE seq = 3")).isEqualTo("2");
        assertThat(query("SELECT COUNT(*) FROM deleted_heads")).isEqualTo("0");
    }

    private static List<Long> seqs(SqliteEntityStore store, String id) {
        return store.changes("default", id, HistoryQuery.newest(10)).changes().stream().map(EntityChange::seq).toList();
    }

    private void execute(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(SqliteEntityStore.DB_FILE_NAME));
             Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    @Test
    void a_new_database_follows_its_change_log_from_the_start() throws Exception {
        try (SqliteEntityStore store = SqliteEntityStore.open(dataDir)) {
            assertThat(store.followsFrom(0)).isTrue();
        }
    }

    @Test
    void a_database_with_a_newer_schema_than_this_build_knows_is_refused_with_a_clear_message() throws Exception {
        SqliteEntityStore.open(dataDir, withProbe()).close();

        assertThatThrownBy(() -> SqliteEntityStore.open(dataDir))
                .isInstanceOf(StoreOpenException.class)
                .hasMessageContaining(dataDir.resolve(SqliteEntityStore.DB_FILE_NAME).toString())
                .hasMessageContaining("schema version " + PROBE.version())
                .hasMessageContaining("newer than this Entity Store supports (" + SqliteSchema.MIGRATIONS.size() + ")");

        // Refusing must not have left the directory locked.
        SqliteEntityStore.open(dataDir, withProbe()).close();
    }

    @Test
    void a_failing_migration_leaves_the_database_at_the_last_whole_version() throws Exception {
        List<SqliteSchema.Migration> broken = new ArrayList<>(SqliteSchema.MIGRATIONS);
        broken.add(new SqliteSchema.Migration(PROBE.version(), "broken",
                List.of("CREATE TABLE half (n INTEGER)", "THIS IS NOT SQL")));

        assertThatThrownBy(() -> SqliteEntityStore.open(dataDir, new SqliteSchema(broken)))
                .isInstanceOf(StoreOpenException.class)
                .hasMessageContaining("Migration " + PROBE.version() + " (broken) failed");

        assertThat(query("SELECT MAX(version) FROM schema_version")).isEqualTo(String.valueOf(SqliteSchema.MIGRATIONS.size()));
        assertThat(query("SELECT COUNT(*) FROM sqlite_master WHERE name = 'half'")).isEqualTo("0");
    }

    private String query(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(SqliteEntityStore.DB_FILE_NAME));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
