package dev.entitystore.store.embedded.sqlite;

import dev.entitystore.domain.error.StoreUnavailableException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A fixed set of read connections, lent one at a time. A SQLite connection serves one thread at a time,
 * and WAL lets each read beside the writer, seeing the last commit as of its statement's start.
 */
final class ReadConnectionPool implements AutoCloseable {

    /** What a reader does with a connection. */
    @FunctionalInterface
    interface Read<T> {
        T apply(ReadConnection connection) throws SQLException;
    }

    /** One read connection and the statements prepared on it, reused across calls. */
    static final class ReadConnection {
        private final Connection connection;
        private final Map<String, PreparedStatement> statements = new HashMap<>();

        ReadConnection(Connection connection) {
            this.connection = connection;
        }

        PreparedStatement prepare(String sql) throws SQLException {
            PreparedStatement statement = statements.get(sql);
            if (statement == null) {
                statement = connection.prepareStatement(sql);
                statements.put(sql, statement);
            }
            return statement;
        }

        /** For reads that must see one snapshot across statements. */
        void execute(String sql) throws SQLException {
            try (var statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }

        void close() {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing at shutdown: nothing left to do with it
            }
        }
    }

    private final String dbName;
    private final List<ReadConnection> all;
    private final ArrayBlockingQueue<ReadConnection> idle;
    private volatile boolean closed;

    ReadConnectionPool(Path dbFile, int size) throws SQLException {
        this.dbName = dbFile.toString();
        this.all = new ArrayList<>(size);
        this.idle = new ArrayBlockingQueue<>(size);
        try {
            for (int i = 0; i < size; i++) {
                ReadConnection connection = new ReadConnection(SqliteConnections.openReader(dbFile));
                all.add(connection);
                idle.add(connection);
            }
        } catch (SQLException e) {
            all.forEach(ReadConnection::close);
            throw e;
        }
    }

    <T> T read(String what, Read<T> read) {
        ReadConnection connection = borrow(what);
        try {
            return read.apply(connection);
        } catch (SQLException e) {
            throw new StoreUnavailableException("Entity store read failed (" + what + "): " + e.getMessage(), e);
        } finally {
            idle.add(connection);
        }
    }

    private ReadConnection borrow(String what) {
        boolean interrupted = false;
        try {
            while (true) {
                if (closed) {
                    throw new StoreUnavailableException("The entity store is closed; cannot " + what, null);
                }
                try {
                    // Poll rather than take, so that a reader waiting here notices close().
                    ReadConnection connection = idle.poll(100, TimeUnit.MILLISECONDS);
                    if (connection != null) {
                        return connection;
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Waits (bounded) for reads in flight to hand their connections back, then closes all of them. */
    @Override
    public void close() {
        closed = true;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        int returned = 0;
        while (returned < all.size() && System.nanoTime() < deadline) {
            try {
                if (idle.poll(100, TimeUnit.MILLISECONDS) != null) {
                    returned++;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        all.forEach(ReadConnection::close);
    }

    @Override
    public String toString() {
        return "ReadConnectionPool[" + dbName + "]";
    }
}
