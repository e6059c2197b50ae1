package dev.entitystore.store.embedded.sqlite;

import dev.entitystore.domain.store.StoreOpenException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The database schema as an ordered list of migrations, applied at start-up.
 *
 * <p>{@code schema_version} holds one row per applied migration. Opening runs, in order and each in its
 * own transaction, the migrations above the highest applied version, so a crash mid-upgrade leaves the
 * database at a whole version. A database whose version is above the highest known here was written by
 * a newer build: it is refused rather than guessed at. Migrations are append-only: never edit one that
 * has shipped, add the next.
 */
final class SqliteSchema {

    /** One step of the schema; {@code statements} run in order in one transaction. */
    record Migration(int version, String description, List<String> statements) {
        Migration {
            Objects.requireNonNull(description, "description");
            statements = List.copyOf(statements);
        }
    }

    /** The migrations of this build. */
    static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, "entities, tombstones, settings, store_meta", List.of(
                    // The record of truth: one row per (space, _id), the record as JSON text. WITHOUT ROWID
                    // keeps rows in primary-key order, so a get is one B-tree descent and scans go by id.
                    """
                    CREATE TABLE entities (
                      space   TEXT    NOT NULL,
                      id      TEXT    NOT NULL,
                      source  TEXT    NOT NULL,
                      seq     INTEGER NOT NULL,
                      version INTEGER NOT NULL,
                      PRIMARY KEY (space, id)
                    ) WITHOUT ROWID""",
                    // changesSince walked this until migration 3.
                    "CREATE UNIQUE INDEX entities_by_seq ON entities (seq)",
                    // Deletes, for changesSince. id NULL marks a whole space deleted (deleteAll).
                    """
                    CREATE TABLE tombstones (
                      seq   INTEGER PRIMARY KEY,
                      space TEXT    NOT NULL,
                      id    TEXT
                    )""",
                    """
                    CREATE TABLE settings (
                      space TEXT NOT NULL,
                      key   TEXT NOT NULL,
                      value TEXT NOT NULL,
                      PRIMARY KEY (space, key)
                    ) WITHOUT ROWID""",
                    // last_seq survives even when the record or tombstone that carried it is gone.
                    "CREATE TABLE store_meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID",
                    "INSERT INTO store_meta (key, value) VALUES ('last_seq', 0)")),
            new Migration(2, "changes: one row per write of a record, in the write's transaction", List.of(
                    // seq is the write's own (the record's new seq, or its tombstone's); change is the
                    // EntityChange as JSON. Records written before this migration have no history.
                    """
                    CREATE TABLE changes (
                      seq    INTEGER PRIMARY KEY,
                      space  TEXT    NOT NULL,
                      id     TEXT    NOT NULL,
                      time   INTEGER NOT NULL,
                      change TEXT    NOT NULL
                    )""",
                    // A record's history, newest first, was a backwards walk of this index until migration 4.
                    "CREATE INDEX changes_by_record ON changes (space, id, seq)")),
            new Migration(3, "entities_by_seq dropped: the search index catches up from the change log", List.of(
                    // Every write since migration 2 appended its change, and a record's newest change is never
                    // pruned, so the log names every record written after its first row: a follower at or
                    // above change_log_from catches up from it (SqliteChangeLog); one below it rebuilds.
                    """
                    INSERT INTO store_meta (key, value) VALUES ('change_log_from', COALESCE(
                      (SELECT MIN(seq) - 1 FROM changes), (SELECT value FROM store_meta WHERE key = 'last_seq')))""",
                    "DROP INDEX entities_by_seq")),
            new Migration(4, "changes link to the record's previous change; changes_by_record dropped", List.of(
                    // A record's history is walked from its newest change (the record's own seq, or its
                    // delete in deleted_heads) back through prev, so writes no longer add an entry at a
                    // random page of changes_by_record (measured: the largest part of the writer's page
                    // writes after the record itself). Existing rows are linked once, here, by that index.
                    "ALTER TABLE changes ADD COLUMN prev INTEGER",
                    """
                    UPDATE changes SET prev = (SELECT MAX(p.seq) FROM changes p
                      WHERE p.space = changes.space AND p.id = changes.id AND p.seq < changes.seq)""",
                    """
                    CREATE TABLE deleted_heads (
                      space TEXT    NOT NULL,
                      id    TEXT    NOT NULL,
                      seq   INTEGER NOT NULL,
                      PRIMARY KEY (space, id)
                    ) WITHOUT ROWID""",
                    """
                    INSERT INTO deleted_heads (space, id, seq) SELECT c.space, c.id, MAX(c.seq) FROM changes c
                      WHERE NOT EXISTS (SELECT 1 FROM entities e WHERE e.space = c.space AND e.id = c.id)
                      GROUP BY c.space, c.id""",
                    "DROP INDEX changes_by_record")),
            new Migration(5, "change_states: the record in full beside some versions' changes, for as_of", List.of(
                    // seq is the change's; state is the record as that change left it (its row's JSON), written
                    // in the change's transaction (SqliteRecordWrites.KEEP_STATE_EVERY), so as_of replays at
                    // most KEEP_STATE_EVERY - 1 changes onto the nearest one. By (space, id, time) the states
                    // are also where a walk back to a time starts, instead of at the newest change. Empty at
                    // this migration: histories written before it keep none (as_of there starts from the
                    // record now or from its create, as before; states come with their next writes).
                    """
                    CREATE TABLE change_states (
                      seq     INTEGER PRIMARY KEY,
                      space   TEXT    NOT NULL,
                      id      TEXT    NOT NULL,
                      time    INTEGER NOT NULL,
                      version INTEGER NOT NULL,
                      state   TEXT    NOT NULL
                    )""",
                    "CREATE INDEX change_states_by_time ON change_states (space, id, time)")),
            new Migration(6, "text_dictionaries: what the stored JSON is compressed with", List.of(
                    // id is the zstd dictionary's own id, which each compressed value names in its frame
                    // header (PackedText); trained_on_seq is the last seq when it was trained (TextDictionaryTraining).
                    // Rows written before a dictionary exists stay plain JSON text; both forms are read.
                    """
                    CREATE TABLE text_dictionaries (
                      id             INTEGER PRIMARY KEY,
                      trained_on_seq INTEGER NOT NULL,
                      trained_at     INTEGER NOT NULL,
                      dictionary     BLOB    NOT NULL
                    )""")),
            new Migration(7, "idempotency_answers: an Idempotency-Key's answer, written with its write", List.of(
                    // id is IdempotencyKey.storageId(); answer is RecordedAnswer.toJson(). Written by the writer in
                    // the keyed write's own transaction (SqliteIdempotencyAnswers), so a crash keeps both or
                    // neither. Answered rows of the retired idempotency-keys.db are moved here when it is opened.
                    """
                    CREATE TABLE idempotency_answers (
                      id          TEXT    PRIMARY KEY,
                      started     INTEGER NOT NULL,
                      fingerprint TEXT    NOT NULL,
                      answer      TEXT    NOT NULL
                    ) WITHOUT ROWID""",
                    "CREATE INDEX idempotency_answers_by_start ON idempotency_answers (started)")));

    private final List<Migration> migrations;

    SqliteSchema(List<Migration> migrations) {
        for (int i = 0; i < migrations.size(); i++) {
            if (migrations.get(i).version() != i + 1) {
                throw new IllegalArgumentException("migrations must be numbered 1, 2, 3, ... in order");
            }
        }
        this.migrations = List.copyOf(migrations);
    }

    static SqliteSchema current() {
        return new SqliteSchema(MIGRATIONS);
    }

    int latestVersion() {
        return migrations.size();
    }

    /**
     * Brings the database up to {@link #latestVersion()}.
     *
     * @return how many migrations were applied (0 for an up-to-date database)
     */
    int migrate(Connection connection, Path dbFile) {
        int current;
        try (Statement s = connection.createStatement()) {
            s.execute("""
                    CREATE TABLE IF NOT EXISTS schema_version (
                      version     INTEGER PRIMARY KEY,
                      description TEXT NOT NULL,
                      applied_at  TEXT NOT NULL
                    )""");
            try (ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
                rs.next();
                current = rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new StoreOpenException("Cannot read the schema version of " + dbFile + ": " + e.getMessage(), e);
        }
        if (current > latestVersion()) {
            throw new StoreOpenException("Database " + dbFile + " has schema version " + current
                    + ", newer than this Entity Store supports (" + latestVersion()
                    + "); run a newer Entity Store or use another data directory", null);
        }
        for (Migration migration : migrations.subList(current, migrations.size())) {
            apply(connection, migration, dbFile);
        }
        return latestVersion() - current;
    }

    private static void apply(Connection connection, Migration migration, Path dbFile) {
        try (Statement s = connection.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try {
                for (String sql : migration.statements()) {
                    s.execute(sql);
                }
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
                    insert.setInt(1, migration.version());
                    insert.setString(2, migration.description());
                    insert.setString(3, Instant.now().toString());
                    insert.executeUpdate();
                }
                s.execute("COMMIT");
            } catch (SQLException e) {
                try {
                    s.execute("ROLLBACK");
                } catch (SQLException ignored) {
                    // the failure below is the one worth reporting
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreOpenException("Migration " + migration.version() + " (" + migration.description()
                    + ") failed on " + dbFile + ": " + e.getMessage(), e);
        }
    }
}
