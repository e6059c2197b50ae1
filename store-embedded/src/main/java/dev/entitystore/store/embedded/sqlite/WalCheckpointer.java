package dev.entitystore.store.embedded.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies committed WAL pages back into the database file on a thread of its own, beside the writer.
 *
 * <p>Why: left to SQLite, the connection that commits runs the checkpoint inside its commit once the WAL
 * passes 1,000 pages, so the single writer thread spent more of a 1,000-record bulk's commit writing and
 * syncing the database file (~90 ms) than writing and syncing the WAL (~70 ms), and every write group
 * queued behind it. Here a {@code PASSIVE} checkpoint runs a second after commits, on its own
 * connection: it takes no lock the writer or a reader waits on, and copies only frames no reader needs.
 *
 * <p>The writer keeps SQLite's own checkpoint as a backstop, at {@link #WRITER_BACKSTOP_PAGES}: should this
 * thread fall behind or fail, the WAL still stops growing there. Durability does not depend on this class:
 * a commit is durable once its WAL frames are synced, whether or not they were copied back yet.
 */
final class WalCheckpointer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WalCheckpointer.class);
    /** The writer's own automatic checkpoint: 16,384 pages, a WAL of 128 MiB at 8 KiB pages. */
    static final int WRITER_BACKSTOP_PAGES = 16_384;
    /**
     * Lets commits gather between two checkpoints: a page written by several commits (index interior
     * pages, the tail of the change log) is copied once per checkpoint, and each one syncs the database
     * file. At 20 ms the checkpoint wrote more than the WAL itself (38 against 23 KB per record of a
     * 1,000-record bulk at 1M); at 1 s, a fifth less.
     */
    private static final long PAUSE_MILLIS = 1_000;

    private final Connection connection;
    private final String dbName;
    private final Thread thread;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private boolean pending;
    private boolean closed;
    private boolean failing;

    private WalCheckpointer(Connection connection, String dbName) {
        this.connection = connection;
        this.dbName = dbName;
        this.thread = new Thread(this::loop, "entity-store-checkpointer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Starts checkpointing {@code dbFile} (in WAL mode already) on a connection of its own. */
    static WalCheckpointer start(Path dbFile) throws SQLException {
        return new WalCheckpointer(SqliteConnections.openForBackup(dbFile), dbFile.toString());
    }

    /** Called after each commit: a checkpoint follows shortly. Never blocks the caller for long. */
    void committed() {
        lock.lock();
        try {
            pending = true;
            work.signal();
        } finally {
            lock.unlock();
        }
    }

    private void loop() {
        while (awaitWork()) {
            try {
                Thread.sleep(PAUSE_MILLIS);
            } catch (InterruptedException e) {
                return; // only close() interrupts, and it checkpoints on its own
            }
            checkpoint();
        }
    }

    private boolean awaitWork() {
        lock.lock();
        try {
            while (!pending && !closed) {
                work.awaitUninterruptibly();
            }
            pending = false;
            return !closed;
        } finally {
            lock.unlock();
        }
    }

    private void checkpoint() {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            rs.next();
            if (failing) {
                LOG.info("background checkpoint of {} works again", dbName);
                failing = false;
            }
        } catch (SQLException e) {
            if (!failing) {
                // The writer's backstop checkpoint still bounds the WAL; nothing committed is at risk.
                LOG.warn("background checkpoint of {} failed ({}); the writer checkpoints itself meanwhile", dbName,
                        e.getMessage());
                failing = true;
            }
        }
    }

    /** Stops the thread and closes its connection; the store's final checkpoint happens on the writer's. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            work.signal();
        } finally {
            lock.unlock();
        }
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("closing the checkpoint connection of {} failed: {}", dbName, e.getMessage());
        }
    }
}
