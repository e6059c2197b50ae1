package dev.entitystore.store.embedded.sqlite;

import dev.entitystore.domain.error.StoreUnavailableException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A small database of its own beside the entity store (the exception lists, the idempotency keys): one
 * connection that serves its callers in turn, one transaction per write, and a failure reported as a 503
 * naming the file and what was not applied.
 */
abstract class CompanionDatabase implements AutoCloseable {
    protected final Connection connection;
    private final Path dbFile;
    private final String name;

    /** @param name what the file holds, for messages: {@code exception-list store} */
    protected CompanionDatabase(Connection connection, Path dbFile, String name) {
        this.connection = connection;
        this.dbFile = dbFile;
        this.name = name;
    }

    protected interface Work<T> {
        T run() throws SQLException;
    }

    protected final <T> T inTransaction(String what, Work<T> work) {
        try {
            return SqliteConnections.inTransaction(connection, c -> work.run());
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    protected final StoreUnavailableException failure(String what, SQLException e) {
        return new StoreUnavailableException("The " + name + " " + dbFile.getFileName() + " failed ("
                + e.getMessage() + "): " + what + " was not applied", e);
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing left to release: an unclosed connection's WAL is recovered on the next open
        }
    }
}
