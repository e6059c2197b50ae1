package dev.entitystore.store.embedded.sqlite;

import dev.entitystore.domain.store.StoreOpenException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;

/** Opens the writer's and the readers' connections with the pragmas product rules §6 asks for. */
final class SqliteConnections {
    /** Readers wait this long for a lock rather than fail; in WAL mode they rarely need one. */
    private static final int BUSY_TIMEOUT_MS = 10_000;
    static final int PAGE_SIZE = 8_192;

    private SqliteConnections() {
    }

    /**
     * The single write connection. WAL lets readers run beside it; {@code synchronous=FULL} fsyncs the
     * WAL on every commit, so an acknowledged write survives an OS crash too.
     */
    static Connection openWriter(Path dbFile) throws SQLException {
        Connection connection = open(dbFile);
        try (Statement s = connection.createStatement()) {
            // Only takes effect when the file is created. A WITHOUT ROWID row above ~1/4 of a page spills
            // into an overflow page of its own: at 4 KiB pages a 1.1 KB record took ~4.7 KB on disk (473 MB
            // for 100k) and merged at a third of the speed. 8 KiB keeps records up to ~2 KB inline, and each
            // random page a write dirties costs half of 16 KiB's in the WAL and the checkpoint.
            s.execute("PRAGMA page_size=" + PAGE_SIZE);
            try (ResultSet rs = s.executeQuery("PRAGMA journal_mode=WAL")) {
                String mode = rs.next() ? rs.getString(1) : "";
                if (!"wal".equalsIgnoreCase(mode)) {
                    throw new SQLException("journal_mode=WAL refused (got '" + mode + "')");
                }
            }
            s.execute("PRAGMA synchronous=FULL");
            s.execute("PRAGMA busy_timeout=" + BUSY_TIMEOUT_MS);
            // 16 MiB holds the B-tree's interior pages at 1M records; leaves come from the kernel's page
            // cache either way. 64 MiB here and 16 per reader cost ~120 MB resident after a bulk at 1M
            // for no measurable throughput (issue 15).
            s.execute("PRAGMA cache_size=-16384");
            s.execute("PRAGMA temp_store=MEMORY");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /** A read connection; {@code query_only} makes a stray write fail instead of racing the writer. */
    static Connection openReader(Path dbFile) throws SQLException {
        Connection connection = open(dbFile);
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA busy_timeout=" + BUSY_TIMEOUT_MS);
            s.execute("PRAGMA cache_size=-4096");
            s.execute("PRAGMA query_only=1");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /**
     * A connection of its own for a backup: it reads one snapshot for as long as the copy takes, beside
     * the writer (WAL), and may be opened by another process than the server's.
     */
    static Connection openForBackup(Path dbFile) throws SQLException {
        Connection connection = open(dbFile);
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA busy_timeout=" + BUSY_TIMEOUT_MS);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    private static Connection open(Path dbFile) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        // Nothing here reads generated keys, and the driver would otherwise run a second statement
        // (last_insert_rowid) after every insert: 15% of the writer thread's Java time in a bulk.
        config.setGetGeneratedKeys(false);
        return config.createConnection("jdbc:sqlite:" + dbFile);
    }

    /** Work against a connection that may fail with SQLite's exception. */
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Opens the writer connection of a database of its own beside the entity store (profiles, exception
     * lists) and prepares it with {@code setup}; the connection is closed again if that fails.
     */
    static <T> T openCompanion(Path dbFile, SqlWork<T> setup) {
        try {
            Connection connection = openWriter(dbFile);
            try {
                return setup.run(connection);
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreOpenException("Cannot open database " + dbFile + ": " + e.getMessage(), e);
        }
    }

    /** Closes a connection that is being given up on anyway; the first error is the one to report. */
    static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // already failing: the caller reports what made it give up
        }
    }

    /** One transaction around {@code work}: committed when it returns, rolled back when it throws. */
    static <T> T inTransaction(Connection connection, SqlWork<T> work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // the failure being reported matters more; closing the connection discards the transaction anyway
            }
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }
}
