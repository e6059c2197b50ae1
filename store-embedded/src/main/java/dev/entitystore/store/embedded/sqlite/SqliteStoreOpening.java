package dev.entitystore.store.embedded.sqlite;

import dev.entitystore.domain.store.StoreOpenException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens what an embedded store runs on, in order: the locked data directory, the writer connection with the
 * schema migrated, the read connections, the watch of its files and the WAL checkpointer; whatever was opened
 * is closed again when a later step fails, so a failed open leaves nothing locked or running.
 */
final class SqliteStoreOpening {
    /** Logged as the store's own lines. */
    private static final Logger LOG = LoggerFactory.getLogger(SqliteEntityStore.class);
    /** Readers beside the writer; more would mostly contend for the two cores. */
    private static final int READ_CONNECTIONS = 4;

    /** What a store is made of once its files are open. */
    @FunctionalInterface
    interface Parts<T> {
        T assemble(DataDirectory directory, Path dbFile, WriteTransaction tx, ReadConnectionPool pool, DataFilesWatch files,
                   WalCheckpointer checkpointer);
    }

    private SqliteStoreOpening() {
    }

    /**
     * @throws StoreOpenException with a one-line message naming the path when the directory cannot be
     *                            created, written or locked, or the database cannot be opened or migrated
     */
    static <T> T open(Path dataDir, SqliteSchema schema, Parts<T> parts) {
        DataDirectory directory = DataDirectory.open(Objects.requireNonNull(dataDir, "dataDir"));
        Path dbFile = directory.path().resolve(SqliteEntityStore.DB_FILE_NAME);
        Connection connection = null;
        ReadConnectionPool pool = null;
        WalCheckpointer checkpointer = null;
        try {
            connection = SqliteConnections.openWriter(dbFile);
            int applied = schema.migrate(connection, dbFile);
            WriteTransaction tx = new WriteTransaction(connection, PackedText.load(connection));
            pool = new ReadConnectionPool(dbFile, READ_CONNECTIONS);
            LOG.info("entity store opened at {} (schema version {}, {} migrations applied, last seq {})",
                    dbFile, schema.latestVersion(), applied, tx.committedSeq());
            DataFilesWatch files = DataFilesWatch.of(directory.path(), dbFile);
            tx.autoCheckpointAt(WalCheckpointer.WRITER_BACKSTOP_PAGES);
            checkpointer = WalCheckpointer.start(dbFile);
            return parts.assemble(directory, dbFile, tx, pool, files, checkpointer);
        } catch (SQLException | java.io.IOException | RuntimeException e) {
            if (checkpointer != null) {
                checkpointer.close();
            }
            if (pool != null) {
                pool.close();
            }
            SqliteConnections.closeQuietly(connection);
            directory.close();
            if (e instanceof StoreOpenException open) {
                throw open;
            }
            throw new StoreOpenException("Cannot open database " + dbFile + ": " + e.getMessage(), e);
        }
    }
}
